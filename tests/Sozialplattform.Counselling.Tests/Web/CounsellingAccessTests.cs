using System.Net;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Who reaches a conversation over HTTP: a counsellor of another centre gets "not found" for every page and step (also
/// with the conversation's id under their own centre), staff without a counselling role and editors are forbidden, no
/// login leads to the login page, a forged or another session's antiforgery token is refused, another seeker gets
/// "not found" — in each case nothing changes and the refusal is in the audit log.
/// </summary>
public sealed class CounsellingAccessTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    private string DeskB => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}";

    [Fact]
    public async Task A_counsellor_of_another_centre_gets_not_found_for_every_page_and_step_and_nothing_changes()
    {
        var id = (await portal.Browse().EnquiryAsync("Zugang-1", (await portal.ReadyAsync()).CentreA, "Nur für Stelle A")).ConversationId();
        var (bernd, _) = await portal.CounsellorAsync("bernd@bonn", "online-b");
        var own = await bernd.GetAsync(DeskB);
        own.Status.ShouldBe(HttpStatusCode.OK);
        own.Text("main").ShouldNotContain("Zugang-1");
        var before = await portal.SnapshotAsync();

        (await bernd.GetAsync(DeskA)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await bernd.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await bernd.GetAsync($"{DeskB}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        foreach (var desk in new[] { DeskA, DeskB })
        foreach (var step in new[] { "uebernehmen", "antworten", "abschliessen" })
            (await bernd.PostAsync($"{desk}/gespraech/{id}/{step}", [own.AntiforgeryToken, ("message", "Eingeschleust")])).Status.ShouldBe(HttpStatusCode.NotFound, $"{desk} {step}");

        (await portal.SnapshotAsync()).ShouldBe(before);
        var audit = (await portal.AuditAsync()).Where(a => a.Actor == "centre-account:bernd@bonn").Select(a => a.Action).ToList();
        audit.Count(a => a == "counselling.desk.refused").ShouldBe(5);
        audit.ShouldContain("counselling.open.refused");
        audit.ShouldContain("counselling.take.refused");
        audit.ShouldContain("counselling.reply.refused");
        audit.ShouldContain("counselling.close.refused");
    }

    [Fact]
    public async Task Staff_without_a_counselling_role_and_editors_are_forbidden_and_a_password_without_the_second_factor_opens_nothing()
    {
        var id = (await portal.Browse().EnquiryAsync("Zugang-2", (await portal.ReadyAsync()).CentreA, "Hallo")).ConversationId();
        var (recordKeeper, _) = await portal.CounsellorAsync("pflege@traeger", role: null);
        (await recordKeeper.GetAsync(DeskA)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await recordKeeper.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.Forbidden);

        await portal.AccountAsync("redaktion@land", role: CentreRole.Editor);
        var editor = await portal.SignInAsync("redaktion@land");
        (await editor.GetAsync(DeskA)).Status.ShouldBe(HttpStatusCode.Forbidden);

        await portal.AccountAsync("halb@traeger", centres: "online-a");
        var (halfway, _) = await portal.PasswordAsync("halb@traeger");
        (await halfway.GetAsync(DeskA)).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");

        (await portal.AuditAsync()).ShouldContain(a => a.Actor == "centre-account:pflege@traeger" && a.Action == "counselling.desk.refused" && a.Details!.Contains("no role"));
    }

    [Fact]
    public async Task Without_a_login_no_page_opens_and_no_step_changes_anything()
    {
        var id = (await portal.Browse().EnquiryAsync("Zugang-3", (await portal.ReadyAsync()).CentreA, "Hallo")).ConversationId();
        var before = await portal.SnapshotAsync();
        var anonymous = portal.Browse();

        (await anonymous.GetAsync(DeskA)).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
        (await anonymous.GetAsync($"/de/online-beratung/gespraech/{id}")).Path.ShouldBe("/de/online-beratung/anmelden");
        (await anonymous.GetAsync($"/de/online-beratung/anfrage?stelle={portal.CentreA}")).Path.ShouldBe("/de/online-beratung/anmelden");
        var token = (await anonymous.GetAsync("/de/online-beratung/anmelden")).AntiforgeryToken;
        foreach (var step in new[] { "uebernehmen", "antworten", "abschliessen" })
            (await anonymous.PostAsync($"{DeskA}/gespraech/{id}/{step}", [token, ("message", "x")])).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
        (await anonymous.PostAsync($"/de/online-beratung/gespraech/{id}", [token, ("_handler", "reply"), ("message", "x")])).Status.ShouldNotBe(HttpStatusCode.OK);

        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_forged_or_another_sessions_antiforgery_token_is_refused_and_nothing_changes()
    {
        var seeker = portal.Browse();
        var page = await seeker.EnquiryAsync("Zugang-4", (await portal.ReadyAsync()).CentreA, "Hallo");
        var id = page.ConversationId();
        var (anna, _) = await portal.CounsellorAsync("formular@traeger");
        var (other, _) = await portal.CounsellorAsync("anderes-formular@traeger");
        var strangersToken = (await other.GetAsync(DeskA)).AntiforgeryToken;
        var seekersOtherToken = (await portal.Browse().GetAsync("/de/online-beratung/registrieren")).AntiforgeryToken;
        var before = await portal.SnapshotAsync();

        foreach (var token in new[] { ("__RequestVerificationToken", "gefälscht"), strangersToken })
        {
            (await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [token])).Status.ShouldBe(HttpStatusCode.BadRequest);
            (await anna.PostAsync($"{DeskA}/gespraech/{id}/antworten", [token, ("message", "x")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        }

        foreach (var token in new[] { ("__RequestVerificationToken", "gefälscht"), seekersOtherToken })
            (await seeker.PostAsync($"/de/online-beratung/gespraech/{id}", [token, ("_handler", "reply"), ("message", "x")])).Status.ShouldBe(HttpStatusCode.BadRequest);

        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_seeker_gets_not_found_for_a_conversation_even_by_id_cannot_write_into_it_and_the_attempt_is_audited()
    {
        var id = (await portal.Browse().EnquiryAsync("Zugang-5", (await portal.ReadyAsync()).CentreA, "Nur meins")).ConversationId();
        var other = portal.Browse();
        var own = await other.EnquiryAsync("Zugang-6", portal.CentreA, "Meins");
        var before = await portal.SnapshotAsync();

        var foreign = await other.GetAsync($"/de/online-beratung/gespraech/{id}");
        foreign.Status.ShouldBe(HttpStatusCode.NotFound);
        foreign.Html.ShouldNotContain("Nur meins");
        (await other.PostAsync($"/de/online-beratung/gespraech/{id}", [own.AntiforgeryToken, ("_handler", "reply"), ("message", "Fremd")])).Status.ShouldNotBe(HttpStatusCode.OK);
        (await other.PostAsync($"/de/online-beratung/gespraech/{id}", [own.AntiforgeryToken, ("_handler", "end")])).Status.ShouldNotBe(HttpStatusCode.OK);

        (await portal.SnapshotAsync()).ShouldBe(before);
        (await portal.AuditAsync()).Count(a => a.Action == "counselling.open.refused" && a.Actor.StartsWith("seeker:") && a.Details!.Contains(id.ToString())).ShouldBeGreaterThanOrEqualTo(3);
    }
}
