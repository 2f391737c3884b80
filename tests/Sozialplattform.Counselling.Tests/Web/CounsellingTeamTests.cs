using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Cli;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// "Team und Rollen": the centre's admin (the carrier's admin account) grants and withdraws the counsellor and lead
/// roles of the centre's staff, and the desk follows at once; another centre's admin, a counsellor, a lead, no login
/// and a forged token change nothing; accounts that do not keep the centre and unknown roles are refused; the operator's
/// <c>sozial centre-account role</c> does the same. Every change and refusal is audited.
/// </summary>
public sealed class CounsellingTeamTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    private string TeamA => DeskA + "/team";

    [Fact]
    public async Task The_centres_admin_grants_and_withdraws_roles_the_desk_follows_at_once_and_each_change_is_audited()
    {
        var (staff, account) = await portal.CounsellorAsync("rolle-1@traeger", role: null);
        var admin = await AdminAsync("admin-1@traeger", "traeger-1");
        (await staff.GetAsync(DeskA)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync(DeskA)).Document.QuerySelector($"a[href='{TeamA}']").ShouldNotBeNull();
        var team = await admin.GetAsync(TeamA);
        team.Status.ShouldBe(HttpStatusCode.OK);
        Selected(team, account.Id).ShouldBe("keine");

        var saved = await admin.PostAsync(TeamA, [team.AntiforgeryToken, ("account", account.Id.ToString()), ("role", "beratung")]);
        saved.Path.ShouldBe(TeamA);
        Selected(saved, account.Id).ShouldBe("beratung");
        var desk = await staff.GetAsync(DeskA);
        desk.Status.ShouldBe(HttpStatusCode.OK);
        desk.Text("main").ShouldNotContain("Gespräche des Teams");

        await admin.PostAsync(TeamA, [team.AntiforgeryToken, ("account", account.Id.ToString()), ("role", "leitung")]);
        (await staff.GetAsync(DeskA)).Text("main").ShouldContain("Gespräche des Teams");
        (await staff.GetAsync(TeamA)).Status.ShouldBe(HttpStatusCode.Forbidden, "a lead is not the centre's admin");

        await admin.PostAsync(TeamA, [team.AntiforgeryToken, ("account", account.Id.ToString()), ("role", "keine")]);
        (await staff.GetAsync(DeskA)).Status.ShouldBe(HttpStatusCode.Forbidden);

        var audit = (await portal.AuditAsync()).Where(a => a.Actor == "centre-account:admin-1@traeger" && a.Action.StartsWith("counselling.team.")).ToList();
        audit.Select(a => (a.Action, a.Details)).ShouldBe([
            ("counselling.team.granted", $"account rolle-1@traeger; centre {portal.CentreA}; role counsellor"),
            ("counselling.team.granted", $"account rolle-1@traeger; centre {portal.CentreA}; role lead"),
            ("counselling.team.withdrawn", $"account rolle-1@traeger; centre {portal.CentreA}; role lead"),
        ]);
    }

    [Fact]
    public async Task Another_centres_admin_a_counsellor_a_lead_no_login_and_forged_tokens_change_no_role()
    {
        var (_, target) = await portal.CounsellorAsync("rolle-2@traeger");
        var (counsellor, _) = await portal.CounsellorAsync("rolle-3@traeger");
        var (lead, _) = await portal.CounsellorAsync("rolle-4@traeger", role: TeamRole.Lead);
        var otherAdmin = await AdminAsync("admin-2@anderer", "traeger-2");
        var admin = await AdminAsync("admin-3@traeger", "traeger-1");
        var token = (await admin.GetAsync(TeamA)).AntiforgeryToken;
        (string, string)[] Change((string, string) antiforgery) => [antiforgery, ("account", target.Id.ToString()), ("role", "leitung")];

        (await otherAdmin.GetAsync(TeamA)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.PostAsync(TeamA, Change((await otherAdmin.GetAsync($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}")).AntiforgeryToken))).Status.ShouldBe(HttpStatusCode.NotFound);
        foreach (var member in new[] { counsellor, lead })
        {
            var own = await member.GetAsync(DeskA);
            (await member.GetAsync(TeamA)).Status.ShouldBe(HttpStatusCode.Forbidden);
            (await member.PostAsync(TeamA, Change(own.AntiforgeryToken))).Status.ShouldBe(HttpStatusCode.Forbidden);
        }

        var anonymous = portal.Browse();
        (await anonymous.GetAsync(TeamA)).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
        (await anonymous.PostAsync(TeamA, Change(token))).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
        (await admin.PostAsync(TeamA, Change(("__RequestVerificationToken", "gefälscht")))).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsync(TeamA, Change((await otherAdmin.GetAsync($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}")).AntiforgeryToken))).Status.ShouldBe(HttpStatusCode.BadRequest);

        (await Team().RolesAsync(target.Id)).ShouldBe(new Dictionary<Guid, TeamRole> { [portal.CentreA] = TeamRole.Counsellor });
        var audit = await portal.AuditAsync();
        audit.Count(a => a.Action == "counselling.team.refused" && a.Actor is "centre-account:rolle-3@traeger" or "centre-account:rolle-4@traeger").ShouldBe(4);
        audit.ShouldContain(a => a.Actor == "centre-account:admin-2@anderer" && a.Action == "counselling.desk.refused" && a.Details!.Contains(portal.CentreA.ToString()));
        audit.ShouldNotContain(a => a.Action == "counselling.team.granted" && a.Details!.Contains("rolle-2@traeger; ") && a.Details.Contains("role lead"));
    }

    [Fact]
    public async Task Accounts_that_do_not_keep_the_centre_unknown_ids_and_unknown_roles_are_refused_and_names_stay_text()
    {
        await portal.ReadyAsync();
        var other = await portal.AccountAsync("rolle-5@bonn", centres: "online-b");
        var editor = await portal.AccountAsync("rolle-6@redaktion", role: CentreRole.Editor);
        var keeper = await portal.AccountAsync("<script>alert(1)</script>", centres: "online-a");
        var admin = await AdminAsync("admin-4@traeger", "traeger-1");
        var team = await admin.GetAsync(TeamA);

        foreach (var id in new[] { other.Id.ToString(), editor.Id.ToString(), Guid.NewGuid().ToString(), "kein-schluessel", "" })
            (await admin.PostAsync(TeamA, [team.AntiforgeryToken, ("account", id), ("role", "beratung")])).Status.ShouldBe(HttpStatusCode.NotFound, id);
        var unknownRole = await admin.PostAsync(TeamA, [team.AntiforgeryToken, ("account", keeper.Id.ToString()), ("role", "admin")]);
        unknownRole.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        unknownRole.Text(".error-summary").ShouldBe("Bitte wählen Sie eine der angebotenen Rollen.");

        foreach (var account in new[] { other, editor, keeper }) (await Team().RolesAsync(account.Id)).ShouldBeEmpty();
        team.Html.ShouldNotContain("<script>alert(1)</script>");
        team.Document.QuerySelector($"label[for='role-{keeper.Id}']")!.TextContent.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task The_operators_command_grants_and_withdraws_a_role_and_refuses_what_the_page_refuses()
    {
        await portal.ReadyAsync();
        var account = await portal.AccountAsync("rolle-7@traeger", centres: "online-a");
        await portal.AccountAsync("rolle-8@bonn", centres: "online-b");
        await portal.AccountAsync("admin-5@traeger", carrier: "traeger-1");

        Run("rolle-7@traeger", "--centre", "online-a", "--lead").ShouldBe((0, "rolle-7@traeger: now lead of the online counselling of online-a", ""));
        Run("rolle-7@traeger", "--centre", "online-a", "--lead").Out.ShouldStartWith("rolle-7@traeger: already lead of");
        (await Team().RolesAsync(account.Id)).ShouldBe(new Dictionary<Guid, TeamRole> { [portal.CentreA] = TeamRole.Lead });
        Run("rolle-7@traeger", "--centre", "online-a", "--none").Out.ShouldBe("rolle-7@traeger: now no role in the online counselling of online-a");
        (await Team().RolesAsync(account.Id)).ShouldBeEmpty();

        Run("rolle-7@traeger", "--centre", "gibt-es-nicht", "--lead").ShouldBe((1, "", "sozial centre-account role: rolle-7@traeger: no centre with the external id gibt-es-nicht in tenant test"));
        Run("rolle-8@bonn", "--centre", "online-a", "--counsellor").Error.ShouldContain("no staff login rolle-8@bonn keeps the centre online-a");
        Run("admin-5@traeger", "--centre", "online-a", "--counsellor").Error.ShouldContain("always a lead");
        Run("rolle-7@traeger", "--centre", "online-a", "--lead", "--none").Exit.ShouldBe(2);
        Run("rolle-7@traeger", "--lead").Exit.ShouldBe(2);

        (await portal.AuditAsync()).Where(a => a.Actor == "operator" && a.Details!.Contains("rolle-7@traeger")).Select(a => a.Action)
            .ShouldBe(["counselling.team.granted", "counselling.team.withdrawn"]);
    }

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run(["centre-account", "role", .. args, "--tenant", "test", "--data", portal.Folders.Data], output, error, RepositoryPaths.Root);
        return (exit, output.ToString().Trim(), exit == 2 ? "usage" : error.ToString().Trim());
    }

    private CounsellingTeam Team() => portal.Services.GetRequiredService<CounsellingTeam>();

    private async Task<PortalClient> AdminAsync(string login, string carrier)
    {
        await portal.ReadyAsync();
        await portal.AccountAsync(login, carrier: carrier);
        return await portal.SignInAsync(login);
    }

    private static string? Selected(PortalPage page, Guid accountId) =>
        page.Document.QuerySelector($"#role-{accountId} option[selected]")?.GetAttribute("value");
}
