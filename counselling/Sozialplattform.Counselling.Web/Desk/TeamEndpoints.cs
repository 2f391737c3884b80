using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Components.Desk;
using Sozialplattform.Counselling.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Desk;

/// <summary>
/// "Team und Rollen" of a centre's desk: the centre's admin — the carrier's admin account, who keeps every centre of the
/// carrier — gives the centre's staff accounts the counsellor or lead role, or withdraws it. Anyone else of the desk
/// (a counsellor, a lead without the admin's account) gets 403, audited; an account that does not keep the centre is
/// 404 like an unknown one. Every change is audited by <see cref="CounsellingTeam.GrantAsync"/>.
/// </summary>
internal static class TeamEndpoints
{
    private static readonly Dictionary<string, TeamRole?> Roles = new()
    {
        ["keine"] = null, ["beratung"] = TeamRole.Counsellor, ["leitung"] = TeamRole.Lead, ["datenschutz"] = TeamRole.DataProtection,
    };

    public static string RoleValue(TeamRole? role) => Roles.Single(r => r.Value == role).Key;

    public static void MapCounsellingTeam(this RouteGroupBuilder desk)
    {
        desk.MapGet("/team", async (HttpContext http, string lang, CentreAccounts accounts, CounsellingTeam team) =>
            await RefusedAsync(http, lang, team) ?? await TeamPageAsync(http, lang, accounts, team));

        desk.MapPost("/team", async (HttpContext http, string lang, CentreAccounts accounts, CounsellingTeam team) =>
        {
            if (await RefusedAsync(http, lang, team) is { } refused) return refused;
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var centre = DeskEndpoints.Centre(http);
            var keepers = await StaffOfAsync(accounts, centre, http.RequestAborted);
            if (!Guid.TryParse(form["account"], out var accountId) || keepers.FirstOrDefault(a => a.Id == accountId) is not { } member)
                return DeskEndpoints.NotFound(http, lang);
            if (!Roles.TryGetValue(form["role"].ToString(), out var role))
                return await TeamPageAsync(http, lang, accounts, team, new CounsellingError("role", "roleUnknown"), StatusCodes.Status422UnprocessableEntity);
            await team.GrantAsync(http.Account().Login, member.Id, member.Login, centre.Id, role, http.RequestAborted);
            return Results.Redirect(CounsellingRoutes.Team(lang, centre.Id));
        }).StaffPost();
    }

    /// <summary>Whether the signed-in account is the centre's admin: the carrier's admin (the desk's filter checked that it keeps the centre).</summary>
    public static bool IsAdmin(CentreAccountRow account) => account.CarrierKey is not null;

    private static async Task<IResult?> RefusedAsync(HttpContext http, string lang, CounsellingTeam team)
    {
        if (IsAdmin(http.Account())) return null;
        await team.AuditRefusedAsync(http.Account().Login, DeskEndpoints.Centre(http).Id, "not the centre's admin", http.RequestAborted);
        return http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, http.Account());
    }

    /// <summary>The accounts whose role the admin sets: staff who keep the centre, without the carrier's admins (always leads).</summary>
    private static async Task<IReadOnlyList<CentreAccountRow>> StaffOfAsync(CentreAccounts accounts, Centres.Storage.CentreRow centre, CancellationToken cancellationToken) =>
        [.. (await accounts.KeepersAsync(centre, cancellationToken)).Where(a => !IsAdmin(a))];

    private static async Task<IResult> TeamPageAsync(HttpContext http, string lang, CentreAccounts accounts, CounsellingTeam team, CounsellingError? error = null, int status = StatusCodes.Status200OK)
    {
        var centre = DeskEndpoints.Centre(http);
        var members = await team.MembersAsync(centre.Id, http.RequestAborted);
        var staff = (await StaffOfAsync(accounts, centre, http.RequestAborted)).Select(a => new TeamPage.Member(a.Id, a.DisplayName, a.Login, members.TryGetValue(a.Id, out var r) ? r : null)).ToList();
        return await DeskEndpoints.PageAsync<TeamPage>(http, lang, new { Staff = (IReadOnlyList<TeamPage.Member>)staff, Error = error }, status);
    }
}
