using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Counselling.Web.Hosting;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// The seeker deletes single own messages (never the centre's) and the whole account (with the password once more)
/// over the real pages without JavaScript; the retention warning is content-free.
/// </summary>
public sealed class CounsellingSeekerDeletionTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task A_seeker_deletes_an_own_message_but_never_the_centres()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Loeschen-1", (await portal.ReadyAsync()).CentreA, "Das war zu viel gesagt")).ConversationId();
        var (anna, _) = await portal.CounsellorAsync("loeschen-1@traeger");
        var desk = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        await anna.PostAsync($"{DeskA}/gespraech/{id}/antworten", [desk.AntiforgeryToken, ("message", "Antwort der Stelle")]);

        var page = await seeker.GetAsync($"/de/online-beratung/gespraech/{id}");
        var buttons = page.Document.QuerySelectorAll("button[name='messageId']");
        buttons.Length.ShouldBe(1, "only the seeker's own message");
        var seekerRow = await portal.Services.GetRequiredService<SeekerAccounts>().FindAsync((await portal.Services.GetRequiredService<ConversationStore>().FindAsync(id, default))!.SeekerId);
        var centresMessage = (await portal.Services.GetRequiredService<SeekerConversations>().OpenAsync(seekerRow!, id))!.Messages.Single(m => m.Author == MessageAuthor.Counsellor);

        foreach (var messageId in new[] { centresMessage.Id.ToString(), Guid.NewGuid().ToString(), "keine-id" })
        {
            var refused = await seeker.SubmitFormAsync(page, "deleteMessage", new Dictionary<string, string> { ["messageId"] = messageId });
            refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
            refused.Text(".error-summary").ShouldContain("Diese Nachricht gibt es nicht (mehr), oder Sie haben sie nicht geschrieben.");
        }

        var deleted = await seeker.SubmitFormAsync(page, "deleteMessage", new Dictionary<string, string> { ["messageId"] = buttons[0].GetAttribute("value")! });
        deleted.Path.ShouldBe($"/de/online-beratung/gespraech/{id}");
        deleted.Text("main .thread").ShouldNotContain("Das war zu viel gesagt");
        deleted.Text("main .thread").ShouldContain("Antwort der Stelle");
        (await anna.GetAsync($"{DeskA}/gespraech/{id}")).Text("main").ShouldNotContain("Das war zu viel gesagt");
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_removes_everything_and_ends_the_session()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Loeschen-2", (await portal.ReadyAsync()).CentreA, "Bitte alles löschen")).ConversationId();
        var (lead, _) = await portal.CounsellorAsync("loeschen-2@traeger", role: TeamRole.Lead);
        var form = await seeker.GetAsync("/de/online-beratung/konto-loeschen");

        var wrong = await seeker.SubmitFormAsync(form, "deleteAccount", new Dictionary<string, string> { ["password"] = "falsches-Passwort-123" });
        wrong.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        wrong.FieldErrors.ShouldBe(["Das Passwort stimmt nicht."]);
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.OK);

        var done = await seeker.SubmitFormAsync(form, "deleteAccount", new Dictionary<string, string> { ["password"] = SeekerJourney.Password });
        done.Text("main h1").ShouldBe("Ihr Konto ist gelöscht");
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Path.ShouldBe("/de/online-beratung/anmelden");
        (await lead.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await portal.SnapshotAsync()).ShouldNotContain(id.ToString());
        var login = await portal.Browse().GetAsync("/de/online-beratung/anmelden");
        (await portal.Browse().SubmitFormAsync(login, "login", new Dictionary<string, string> { ["pseudonym"] = "Loeschen-2", ["password"] = SeekerJourney.Password }))
            .Path.ShouldBe("/de/online-beratung/anmelden");
        (await portal.AuditAsync()).ShouldContain(a => a.Action == "counselling.deleted.seeker" && a.Details == "1 conversation(s), 1 message(s)");
    }

    [Fact]
    public async Task Retention_runs_under_the_platforms_job_lease_so_a_second_host_does_not_sweep_the_same_hour()
    {
        await portal.ReadyAsync();
        var service = portal.Services.GetRequiredService<CounsellingRetentionService>();

        (await service.RunLeasedAsync()).ShouldNotBeNull("this host holds the lease");
        var otherHost = new JobLeases(portal.Services.GetRequiredService<OperationsDatabase>(), TimeProvider.System);
        (await otherHost.TryTakeAsync(CounsellingRetentionService.Job, CounsellingRetentionService.Interval)).ShouldBeFalse();
        service.Rules.ShouldBe(new RetentionRules(180, 30, 7));
    }

    [Fact]
    public async Task The_retention_warning_names_the_date_and_nothing_of_the_conversation()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Loeschen-3", (await portal.ReadyAsync()).CentreA, "Vertraulicher Inhalt", "warnung@example.org")).ConversationId();
        var row = await portal.Services.GetRequiredService<ConversationStore>().FindAsync(id, default);
        var before = (await portal.NoticesAsync()).Count;

        await portal.Services.GetRequiredService<CounsellingNotices>().RetentionWarningAsync(new RetentionWarning(row!.SeekerId, new DateTime(2027, 1, 31, 9, 0, 0, DateTimeKind.Utc)), default);

        var warning = (await portal.NoticesAsync()).Skip(before).Single();
        warning.To.ShouldBe("warnung@example.org");
        warning.TextBody.ShouldContain("31.01.2027");
        foreach (var secret in new[] { "Vertraulicher", "Loeschen-3", "Beratungsstelle online-a", "Schuldner" }) warning.TextBody.ShouldNotContain(secret);
    }
}
