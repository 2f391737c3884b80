using System.Globalization;
using System.Net;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Absence and reply time over HTTP: the seeker reads the centre's reply time and, during an absence, its dates and the
/// deputy's name for seekers (script payloads as text); the deputy finds and answers the conversation until the absence
/// ends; bad dates and deputies of another centre store nothing; only leads set the reply time; other centres and forged
/// tokens change nothing.
/// </summary>
public sealed class CounsellingAbsenceTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task The_seeker_reads_the_absence_and_the_deputys_name_and_the_deputy_answers_until_the_absence_ends()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Abwesend-1", (await portal.ReadyAsync()).CentreA, "Wer antwortet mir?")).ConversationId();
        var (anna, annaAccount) = await portal.CounsellorAsync("abwesend-anna@traeger");
        var (arne, arneAccount) = await portal.CounsellorAsync("abwesend-arne@traeger");
        var desk = await anna.GetAsync(DeskA);
        (await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [desk.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.OK);
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Text("main").ShouldContain("Die Beratungsstelle antwortet in der Regel innerhalb von 2 Werktagen.");

        var arnesForm = await arne.GetAsync(DeskA + "/abwesenheit");
        (await arne.PostAsync(DeskA + "/abwesenheit", [arnesForm.AntiforgeryToken, ("action", "name"), ("displayName", "<b>Herr A.</b>")])).Status.ShouldBe(HttpStatusCode.OK);
        var form = await anna.GetAsync(DeskA + "/abwesenheit");
        var deputies = form.Document.QuerySelectorAll("#deputy option").Select(o => o.GetAttribute("value")).ToList();
        deputies.ShouldContain(arneAccount.Id.ToString());
        deputies.ShouldNotContain(annaAccount.Id.ToString(), "not oneself");
        var saved = await anna.PostAsync(DeskA + "/abwesenheit", [form.AntiforgeryToken, ("action", "speichern"), ("from", Day(-1)), ("to", Day(2)), ("deputy", arneAccount.Id.ToString())]);
        saved.Path.ShouldBe(DeskA);

        var thread = await seeker.GetAsync($"/de/online-beratung/gespraech/{id}");
        var (from, to) = (Today.AddDays(-1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), Today.AddDays(2).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        thread.Text("main").ShouldContain($"Ihre Beraterin oder Ihr Berater ist vom {from} bis zum {to} abwesend.");
        thread.Text("main").ShouldContain("In dieser Zeit antwortet die Vertretung: <b>Herr A.</b>.");
        thread.Html.ShouldNotContain("<b>Herr A.</b>");
        thread.Html.ShouldNotContain("abwesend-arne");

        var arnesDesk = await arne.GetAsync(DeskA);
        arnesDesk.Text("main").ShouldContain("Vertretung für abwesende Kolleginnen und Kollegen");
        (await arne.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await arne.PostAsync($"{DeskA}/gespraech/{id}/antworten", [arnesDesk.AntiforgeryToken, ("message", "Ich vertrete.")])).Status.ShouldBe(HttpStatusCode.OK);
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Text("main").ShouldContain("Ich vertrete.");

        (await anna.PostAsync(DeskA + "/abwesenheit", [form.AntiforgeryToken, ("action", "beenden")])).Path.ShouldBe(DeskA);
        (await arne.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Text("main").ShouldNotContain("abwesend.");
        var audit = (await portal.AuditAsync()).Where(a => a.Actor == "centre-account:abwesend-anna@traeger").Select(a => a.Action).ToList();
        audit.ShouldContain("counselling.absence.set");
        audit.ShouldContain("counselling.absence.cleared");
    }

    [Fact]
    public async Task Bad_dates_and_a_deputy_of_another_centre_store_nothing_and_each_problem_is_named()
    {
        await portal.ReadyAsync();
        var (anna, annaAccount) = await portal.CounsellorAsync("abwesend-fehler@traeger");
        await portal.CounsellorAsync("abwesend-kollege@traeger");
        var (_, bernd) = await portal.CounsellorAsync("abwesend-bernd@bonn", "online-b");
        var form = await anna.GetAsync(DeskA + "/abwesenheit");

        async Task<IReadOnlyList<string>> Refused(string from, string to, Guid deputy)
        {
            var page = await anna.PostAsync(DeskA + "/abwesenheit", [form.AntiforgeryToken, ("action", "speichern"), ("from", from), ("to", to), ("deputy", deputy.ToString())]);
            page.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
            page.Document.QuerySelector("#from")!.GetAttribute("value").ShouldBe(from);
            return page.FieldErrors;
        }

        (await Refused("31.01.2027", Day(1), bernd.Id)).ShouldBe(["Bitte geben Sie ein Datum wie 2027-01-31 ein."]);
        (await Refused(Day(0), Day(1), bernd.Id)).ShouldBe(["Bitte wählen Sie eine Vertretung aus dem Team dieser Stelle."]);
        (await Refused(Day(2), Day(1), bernd.Id)).ShouldBe(["Das Ende darf nicht vor dem Beginn liegen.", "Bitte wählen Sie eine Vertretung aus dem Team dieser Stelle."]);
        var name = await anna.PostAsync(DeskA + "/abwesenheit", [form.AntiforgeryToken, ("action", "name"), ("displayName", new string('x', 41))]);
        name.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        name.FieldErrors.ShouldBe(["Der Name darf höchstens 40 Zeichen haben."]);

        (await anna.PostAsync(DeskA + "/abwesenheit", [("__RequestVerificationToken", "gefälscht"), ("action", "beenden")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        var (bernds, _) = await portal.CounsellorAsync("abwesend-fremd@bonn", "online-b");
        (await bernds.PostAsync(DeskA + "/abwesenheit", [form.AntiforgeryToken, ("action", "speichern")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await portal.AuditAsync()).ShouldNotContain(a => a.Action.StartsWith("counselling.absence.") && a.Actor == "centre-account:abwesend-fehler@traeger");
        (await anna.GetAsync(DeskA + "/abwesenheit")).Document.QuerySelector("button[value='beenden']").ShouldBeNull($"{annaAccount.Login} has no absence");
    }

    [Fact]
    public async Task Only_a_lead_sets_the_reply_time_the_seeker_reads()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Abwesend-2", (await portal.ReadyAsync()).CentreB, "Wie lange dauert es?")).ConversationId();
        var (counsellor, _) = await portal.CounsellorAsync("antwortzeit-berater@bonn", "online-b");
        var (lead, _) = await portal.CounsellorAsync("antwortzeit-leitung@bonn", "online-b", TeamRole.Lead);
        var deskB = $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}";
        var token = (await counsellor.GetAsync(deskB)).AntiforgeryToken;

        (await counsellor.PostAsync(deskB + "/antwortzeit", [token, ("days", "1")])).Status.ShouldBe(HttpStatusCode.Forbidden);
        var leadsDesk = await lead.GetAsync(deskB);
        leadsDesk.Document.QuerySelector("#days")!.GetAttribute("value").ShouldBe("2");
        foreach (var bad in new[] { "0", "31", "drei", "-1", "" })
            (await lead.PostAsync(deskB + "/antwortzeit", [leadsDesk.AntiforgeryToken, ("days", bad)])).Status.ShouldBe(HttpStatusCode.UnprocessableEntity, bad);
        (await lead.PostAsync(deskB + "/antwortzeit", [leadsDesk.AntiforgeryToken, ("days", "5")])).Path.ShouldBe(deskB);

        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Text("main").ShouldContain("innerhalb von 5 Werktagen");
        (await seeker.GetAsync($"/ar/online-beratung/gespraech/{id}")).Text("main").ShouldContain("خلال 5 أيام عمل");
    }

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
