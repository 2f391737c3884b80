using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// Login (with lockout after repeated wrong passwords; it leads to the account's start page — operators to the
/// operations page — or to the return address if the role may open it), logout and the language switch of the inbox.
/// </summary>
public static class InboxLoginEndpoints
{
    public static void MapInboxLogin(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/anmelden", async (HttpContext http, string? ziel) =>
            await InboxAuthentication.CurrentAsync(http) is { } account ? Results.Redirect(InboxRoutes.Landing(ziel, account.Role)) : InboxPages.Login(null, ziel));

        inbox.MapPost("/anmelden", async (HttpContext http, CaseworkerAccounts accounts) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var login = form["login"].ToString().Trim();
            var password = form["password"].ToString();
            var returnUrl = form["ziel"].ToString();
            if (login.Length == 0 || password.Length == 0) return InboxPages.Login("login.missing", returnUrl, login, status: StatusCodes.Status400BadRequest);
            var outcome = await accounts.SignInAsync(login, password, http.RequestAborted);
            switch (outcome.Result)
            {
                case SignInResult.SignedIn:
                    await InboxAuthentication.SignInAsync(http, outcome.Account!);
                    return Results.Redirect(InboxRoutes.Landing(returnUrl, outcome.Account!.Role));
                case SignInResult.LockedOut:
                    return InboxPages.Login("login.locked", returnUrl, login, outcome.LockedUntil, StatusCodes.Status401Unauthorized);
                default:
                    return InboxPages.Login("login.failed", returnUrl, login, status: StatusCodes.Status401Unauthorized);
            }
        }).InboxPost();

        inbox.MapPost("/abmelden", async (HttpContext http, CaseworkerAccounts accounts) =>
        {
            if (await InboxAuthentication.CurrentAsync(http) is { } caseworker) await accounts.SignOutAsync(caseworker, http.RequestAborted);
            await InboxAuthentication.SignOutAsync(http);
            return Results.Redirect(InboxRoutes.Login);
        }).InboxPost();

        inbox.MapGet("/sprache/{lang}", (HttpContext http, string lang, string? ziel) =>
        {
            if (InboxTexts.Languages.Contains(lang)) InboxLanguage.Choose(http, lang);
            return Results.Redirect(InboxRoutes.SafeReturn(ziel));
        });
    }
}
