using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The actions of "Mein Konto" on the signed-in citizen's own drafts: continue (this browser gets the draft's owner
/// secret, then goes on where the draft stands) and delete. Without a login → the sign-in page; a draft that is not the
/// citizen's (or gone) → 404, the same answer for both, and nothing changes.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{lang}/konto/entwuerfe/{draftId:guid}/fortsetzen", async (string lang, Guid draftId, HttpContext http, ICitizenSignIn signIn,
            AccountStore account, ApplicationStore applications, PortalOptions options) =>
        {
            if (signIn.Current(http) is not { } citizen) return Results.Redirect(signIn.SignInUrl(lang, PortalRoutes.Account(lang)));
            if (await account.DraftSecretAsync(options.Tenant, draftId, LoginGate.Pseudonym(citizen), http.RequestAborted) is not { } secret) return Results.NotFound();
            DraftCookies.Remember(http, draftId, secret);
            var (application, _) = await applications.OpenAsync(draftId, secret, http.RequestAborted);
            return Results.Redirect(application is null ? PortalRoutes.Place(lang, draftId) : ResumeEndpoints.Target(lang, application));
        }).PortalPost();

        app.MapPost("/{lang}/konto/entwuerfe/{draftId:guid}/loeschen", async (string lang, Guid draftId, HttpContext http, ICitizenSignIn signIn,
            AccountStore account, PortalOptions options) =>
        {
            if (signIn.Current(http) is not { } citizen) return Results.Redirect(signIn.SignInUrl(lang, PortalRoutes.Account(lang)));
            if (!await account.DeleteDraftAsync(options.Tenant, draftId, LoginGate.Pseudonym(citizen), http.RequestAborted)) return Results.NotFound();
            DraftCookies.Forget(http, draftId);
            return Results.Redirect(PortalRoutes.Account(lang) + "?geloescht=1");
        }).PortalPost();
    }
}
