using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Web.Components.Staff;
using Sozialplattform.Centres.Web.Hosting;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// The editorial team's pages for logins, beside its review pages: the tenant's logins with their second factor, a new
/// staff login scoped to centres or to a carrier (the rules and code of <c>sozial centre-account add</c>:
/// <see cref="CentreAccounts.AddAsync"/>), and the reset of a login's second factor. Staff get 403, and the refusal is audited.
/// </summary>
public static class StaffAccountEndpoints
{
    /// <summary>External ids on the form are separated by commas or white space (the CLI's --centre by commas).</summary>
    private static readonly char[] Separators = [',', ' ', '\n', '\r', '\t'];

    public static void MapStaffAccounts(this RouteGroupBuilder area)
    {
        var editors = area.MapGroup("/konten").RequireRole(CentreRole.Editor, auditRefusalAs: "accounts.refused");

        editors.MapGet("", async (HttpContext http, string lang, CentreAccountAdministration administration, string? gespeichert) =>
            http.Page<AccountListPage>(lang, new { Accounts = await administration.ListAsync(http.Account(), http.RequestAborted), Done = gespeichert }, account: http.Account()));

        editors.MapGet("/neu", (HttpContext http, string lang) =>
            http.Page<AccountNewPage>(lang, new { Values = new Dictionary<string, string>() }, account: http.Account()));

        editors.MapPost("/neu", async (HttpContext http, string lang, CentreAccountAdministration administration) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var values = AccountNewPage.Fields.ToDictionary(f => f, f => form[f].ToString());
            var byCarrier = values["scope"] == "carrier";
            var request = new NewCentreAccount(values["login"], values["displayName"], form["password"].ToString(), CentreRole.Staff,
                byCarrier ? values["carrier"] : null, byCarrier ? [] : values["centres"].Split(Separators, StringSplitOptions.RemoveEmptyEntries), values["email"]);
            var created = await administration.AddStaffAsync(http.Account(), request, http.RequestAborted);
            return created.Account is not null
                ? Results.Redirect($"{StaffRoutes.Accounts(lang)}?gespeichert=created")
                : http.Page<AccountNewPage>(lang, new { Values = values, created.Errors }, StatusCodes.Status422UnprocessableEntity, http.Account());
        }).StaffPost();

        editors.MapPost("/{id:guid}/zweiter-faktor", async (HttpContext http, string lang, Guid id, CentreAccountAdministration administration) =>
        {
            var account = http.Account();
            if (await administration.ResetSecondFactorAsync(account, id, http.RequestAborted) is null) return http.Message(lang, "staff.accountNotFound", StatusCodes.Status404NotFound, account);
            // The editor's own reset ends the editor's own session too.
            return id == account.Id ? Results.Redirect(StaffRoutes.Login(lang)) : Results.Redirect($"{StaffRoutes.Accounts(lang)}?gespeichert=reset");
        }).StaffPost();
    }

    /// <summary>The notice after a reset: in German (the self-service's working language), without login, names or links — only that it happened and whom to ask.</summary>
    public static SecondFactorResetNotice Notice(CentreTexts texts) => to =>
        new QueuedMail(to, texts.Get("de", "mail.totpReset.subject"), texts.Get("de", "mail.totpReset.body"), "de");
}
