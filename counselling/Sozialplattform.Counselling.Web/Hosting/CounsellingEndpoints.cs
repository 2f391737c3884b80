using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Search;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Web.Desk;
using Sozialplattform.Counselling.Web.Live;
using Sozialplattform.Counselling.Web.Seeker;
using Sozialplattform.StaffSessions;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// <c>app.MapOnlineCounselling(portalPages)</c>: the seeker's pages join the portal's (its layout, language switch and
/// security headers); logout and the recovery code's download are plain posts; the counsellors' desk sits in the
/// centres' self-service.
/// </summary>
public static class CounsellingEndpoints
{
    public static IEndpointRouteBuilder MapOnlineCounselling(this WebApplication app, RazorComponentsEndpointConventionBuilder portalPages)
    {
        portalPages.AddAdditionalAssemblies(typeof(CounsellingEndpoints).Assembly);
        app.MapPost("/{lang}/online-beratung/abmelden", async (string lang, HttpContext http) =>
        {
            if (!CounsellingTexts.IsLanguage(lang) || !await ValidFormAsync(http)) return Results.BadRequest();
            await SeekerSession.SignOutAsync(http, await SeekerSession.CurrentAsync(http));
            return Results.Redirect(CounsellingRoutes.Start(lang));
        }).DisableAntiforgery();
        app.MapPost("/{lang}/online-beratung/wiederherstellungscode.txt", RecoveryFileAsync).DisableAntiforgery();
        app.MapGet("/{lang}/online-beratung/gespraech/{id:guid}/export.{format}", ExportAsync);
        app.MapGet("/{lang}/online-beratung/gespraech/{id:guid}/datei/{file:guid}", FileAsync);
        app.UseSessionsOnTheHub();
        app.MapHub<ConversationHub>(ConversationHub.Path);
        app.MapHub<ConversationHub>(ConversationHub.StaffPath);
        app.MapCounsellorDesk();
        return app;
    }

    /// <summary>
    /// The recovery code as a text file, for the signed-in seeker whose code it is (checked against its hash): the code
    /// travels in the post's body only, never in an address.
    /// </summary>
    private static async Task<IResult> RecoveryFileAsync(string lang, HttpContext http, SeekerAccounts accounts, CounsellingTexts texts)
    {
        if (!CounsellingTexts.IsLanguage(lang) || !await ValidFormAsync(http)) return Results.BadRequest();
        var code = http.Request.Form["code"].ToString();
        if (await SeekerSession.CurrentAsync(http) is not { } seeker || !RecoveryCode.Matches(code, seeker.RecoveryCodeHash)) return Results.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var text = texts.Get(lang, "recovery.file", accounts.Pseudonym(seeker), code.Trim().ToUpperInvariant());
        return Results.File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", "wiederherstellungscode.txt");
    }

    /// <summary>The seeker's own conversation as JSON or PDF; another seeker's is 404 (audited by <see cref="SeekerConversations"/>), no session the login.</summary>
    private static async Task<IResult> ExportAsync(string lang, Guid id, string format, HttpContext http, SeekerConversations conversations, SeekerAccounts accounts,
        ConversationExport export, CentreFinder centres, ConversationStore store)
    {
        if (!CounsellingTexts.IsLanguage(lang) || format is not ("json" or "pdf")) return Results.NotFound();
        if (await SeekerSession.CurrentAsync(http) is not { } seeker) return Results.Redirect(CounsellingRoutes.Login(lang));
        if (await conversations.OpenAsync(seeker, id, http.RequestAborted) is not { } view) return Results.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var centre = (await centres.FindAsync(view.CentreId, http.RequestAborted))?.Record.Name.Resolve(lang).Text ?? "";
        if (format == "json") return Results.File(export.ToJson(view, accounts.Pseudonym(seeker), centre, store.Now), "application/json; charset=utf-8", $"gespraech-{id}.json");
        return export.ToPdf(view, lang, centre, store.Now) is { } pdf ? Results.File(pdf, "application/pdf", $"gespraech-{id}.pdf") : Results.StatusCode(StatusCodes.Status500InternalServerError);
    }

    /// <summary>A file of the seeker's own conversation; anyone else — another seeker (audited), no session — 404.</summary>
    private static async Task<IResult> FileAsync(string lang, Guid id, Guid file, HttpContext http, SeekerConversations conversations) =>
        CounsellingTexts.IsLanguage(lang) && await SeekerSession.CurrentAsync(http) is { } seeker && await conversations.FileAsync(seeker, id, file, http.RequestAborted) is { } found
            ? DeskEndpoints.Download(http, found)
            : Results.NotFound();

    private static async Task<bool> ValidFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType) return false;
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
