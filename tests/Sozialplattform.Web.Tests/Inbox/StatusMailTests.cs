using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>Applicants who left an e-mail address are told about status changes — through a queue, so a mail server that is down loses nothing.</summary>
public sealed class StatusMailTests
{
    [SkippableFact]
    public async Task An_applicant_who_gave_an_e_mail_address_gets_the_status_e_mail_once_even_when_the_mail_server_was_down_at_first()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await portal.CaseworkerAsync("m-mail", InboxPortal.AuthorityA);
        var reference = await ApplyForContactAsync(portal.Browse(), "hilfe@example.org");
        await portal.DeliverAsync();

        var client = await portal.SignInAsync("m-mail");
        var submission = await SubmissionAsync(portal, reference);
        var detail = await client.GetAsync($"/posteingang/antraege/{submission.Id}");
        detail.Text(".summary-list").ShouldContain("Ja, die Antragstellerin/der Antragsteller wird über Statusänderungen per E-Mail informiert.");
        await client.SubmitAsync(detail, "/status", new Dictionary<string, string?> { ["status"] = "DocumentsRequested", ["nachricht"] = "Bitte senden Sie uns Ihre Kontoauszüge." });

        (await portal.SendMailsAsync()).ShouldBe(2, "the confirmation queued at the submission and the status e-mail");
        var waiting = (await portal.Get<NotificationStore>().ListAsync(submission.Id)).ShouldHaveSingleItem();
        waiting.Status.ShouldBe(OutboxStatus.Pending);
        waiting.LastError!.ShouldStartWith($"attempt 1: email to hilfe@example.org via 127.0.0.1:{port} failed:");

        await using var smtp = await SmtpTestServer.StartAsync(port);
        (await portal.SendMailsAsync()).ShouldBe(2);
        (await portal.SendMailsAsync()).ShouldBe(0);

        smtp.Received().Count.ShouldBe(2);
        var confirmation = smtp.Received().Single(m => m.Subject!.EndsWith("ist eingegangen – Referenznummer " + reference, StringComparison.Ordinal));
        confirmation.TextBody!.ShouldContain("https://portal.example/de/status");
        confirmation.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem().FileName.ShouldBe("eingangsbestaetigung.pdf");
        var mail = smtp.Received().Single(m => m.Subject == $"Ihr Antrag {reference}: Unterlagen nachgefordert");
        mail.To.Mailboxes.Single().Address.ShouldBe("hilfe@example.org");
        mail.From.Mailboxes.Single().Address.ShouldBe("noreply@sozialplattform.example");
        mail.Subject.ShouldBe($"Ihr Antrag {reference}: Unterlagen nachgefordert");
        mail.MessageId.ShouldBe($"{waiting.Id:N}@sozialplattform.notification");
        mail.TextBody!.ShouldContain("„Kontakt zur Beratungsstelle (Beispiel)“ mit der Vorgangsnummer " + reference);
        mail.TextBody!.ShouldContain("Statusseite: https://portal.example/de/status");
        mail.TextBody!.ShouldContain("Sozialamt Teststadt hat Ihnen dazu eine Nachricht geschrieben.");
        mail.TextBody!.ShouldNotContain("Kontoauszüge", customMessage: "the message stays on the status page");
        var sent = (await portal.Get<NotificationStore>().ListAsync(submission.Id)).ShouldHaveSingleItem();
        sent.Status.ShouldBe(OutboxStatus.Delivered);
        sent.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Without_an_e_mail_address_in_the_answers_a_status_change_queues_no_e_mail()
    {
        using var portal = new InboxPortal();
        await portal.CaseworkerAsync("m-none", InboxPortal.AuthorityA);
        var accepted = await portal.SubmitAsync(InboxPortal.AuthorityA);
        await portal.DeliverAsync();
        var client = await portal.SignInAsync("m-none");
        var detail = await client.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        detail.Text(".summary-list").ShouldContain("Nein, keine E-Mail-Adresse angegeben");

        await client.SubmitAsync(detail, "/status", new Dictionary<string, string?> { ["status"] = "Closed" });

        (await portal.Get<NotificationStore>().ListAsync(accepted.Submission.Id)).ShouldBeEmpty();
    }

    /// <summary>The sample contact form through the portal's pages, as a browser without JavaScript; returns the reference number.</summary>
    private static async Task<string> ApplyForContactAsync(PortalClient client, string email)
    {
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var summary = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = "Ich habe Mietschulden und weiß nicht weiter.", ["email"] = email,
        }, "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        var receipt = await client.SubmitAsync(summary, "/absenden");
        receipt.Path.ShouldStartWith("/de/eingang/");
        return receipt.Text(".confirmation__reference");
    }

    private static async Task<Submission> SubmissionAsync(InboxPortal portal, string reference)
    {
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        var submission = await context.Submissions.SingleAsync(s => s.ReferenceNumber == reference);
        submission.ApplicantEmailCipher.ShouldNotBeNull("the portal stored the first e-mail answer");
        return submission;
    }
}
