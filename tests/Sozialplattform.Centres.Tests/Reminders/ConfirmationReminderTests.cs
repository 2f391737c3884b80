using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Reminders;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Inbox.Notifications;

namespace Sozialplattform.Centres.Tests.Reminders;

/// <summary>
/// "Daten bestätigen" by e-mail through the platform's one mail queue, to the real SMTP server: a centre unconfirmed for
/// six months is asked once — also when the sweep runs again, after a restart and on a second host at the same time; a
/// confirmation starts a new period; a hidden centre is told to the editorial team once; example data is left alone.
/// </summary>
public sealed class ConfirmationReminderTests
{
    private static async Task AgeAsync(CentresPortal portal, Guid id, int months)
    {
        await using var context = portal.Services.GetRequiredService<CentresDatabase>().CreateContext();
        var at = DateTime.UtcNow.AddMonths(-months).AddDays(-1);
        await context.Centres.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastConfirmedAt, at));
    }

    /// <summary>What another host (or this one after a restart) runs: its own store and queue on the same databases.</summary>
    private static ConfirmationReminders AnotherHost(CentresPortal portal)
    {
        var services = portal.Services;
        var centres = CentresDatabase.OpenAsync(services.GetRequiredService<SozialDatabase>()).GetAwaiter().GetResult();
        return new ConfirmationReminders(new CentreStore(centres), new MailQueue(services.GetRequiredService<SozialDatabase>()), services.GetRequiredService<CentresOptions>(),
            Sozialplattform.Centres.Web.Staff.ConfirmationReminderService.Composer(services.GetRequiredService<Sozialplattform.Centres.Web.Hosting.CentreTexts>(), "https://portal.example"));
    }

    [Fact]
    public async Task A_centre_unconfirmed_for_six_months_is_asked_once_even_when_two_hosts_sweep_at_once_and_again_after_a_restart()
    {
        var port = FreePort.Next();
        using var portal = CentresPortal.WithMail(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var ids = await portal.ImportAsync(TestCentres.Centre("alt", TestCentres.Koeln) with { Email = "alt@beratung.example", Name = Sozialplattform.Centres.Records.Texts.De("Stelle <b>alt</b>") },
            TestCentres.Centre("frisch", TestCentres.Bonn));
        await AgeAsync(portal, ids[0], 6);
        var dispatcher = portal.Services.GetRequiredService<NotificationDispatcher>();

        var due = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => AnotherHost(portal).RunOnceAsync())));
        due.ShouldAllBe(d => d <= 1);
        await dispatcher.RunOnceAsync();
        await AnotherHost(portal).RunOnceAsync();
        await portal.Services.GetRequiredService<ConfirmationReminders>().RunOnceAsync();
        await dispatcher.RunOnceAsync();

        var mail = smtp.Received().ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("alt@beratung.example");
        mail.Subject.ShouldBe("Bitte bestätigen Sie die Angaben Ihrer Beratungsstelle");
        mail.TextBody!.ShouldContain("„Stelle <b>alt</b>“");
        mail.TextBody!.ShouldContain($"https://portal.example/beratungsstellen-verwaltung/de/stellen/{ids[0]}");
        mail.HtmlBody.ShouldBeNull("plain text only: a centre's name can never become markup in a mail");
    }

    [Fact]
    public async Task A_confirmation_starts_a_new_period_and_a_hidden_centre_is_told_to_the_editorial_team_once()
    {
        var port = FreePort.Next();
        using var portal = CentresPortal.WithMail(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var ids = await portal.ImportAsync(TestCentres.Centre("vergessen", TestCentres.Koeln) with { Email = "vergessen@beratung.example" },
            TestCentres.Centre("beispiel", TestCentres.Bonn) with { Email = "beispiel@beratung.example", Example = true });
        var store = portal.Services.GetRequiredService<CentreStore>();
        var reminders = portal.Services.GetRequiredService<ConfirmationReminders>();
        var dispatcher = portal.Services.GetRequiredService<NotificationDispatcher>();
        await AgeAsync(portal, ids[1], 20);

        await AgeAsync(portal, ids[0], 7);
        await reminders.RunOnceAsync();
        await store.ConfirmAsync(ids[0], (await store.FindAsync(ids[0]))!.Revision, "centre-account:test");
        await reminders.RunOnceAsync();
        await AgeAsync(portal, ids[0], 16);
        await reminders.RunOnceAsync();
        await reminders.RunOnceAsync();
        await dispatcher.RunOnceAsync();

        var received = smtp.Received();
        received.Select(m => m.To.Mailboxes.Single().Address).Order().ShouldBe(["redaktion@portal.example", "vergessen@beratung.example", "vergessen@beratung.example"]);
        received.Single(m => m.To.Mailboxes.Single().Address == "redaktion@portal.example").Subject.ShouldBe("Beratungsstelle ausgeblendet: Angaben nicht bestätigt");
        (await portal.PageAsync("/de/beratungsstellen?ort=50667")).ShouldNotContain("Beratungsstelle vergessen");
    }
}
