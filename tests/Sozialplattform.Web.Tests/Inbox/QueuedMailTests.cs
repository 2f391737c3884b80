using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>The one mail queue every area uses: composed mails sent by the platform's dispatcher, once, at their time, encrypted while they wait.</summary>
public sealed class QueuedMailTests
{
    private static readonly QueuedMail Reminder = new(
        "ratsuchend@example.org", "Termin bei Beratung Mitte", "Ihr Termin ist morgen um 10:00 Uhr.", "de",
        [new MailAttachment("termin.ics", "text/calendar; method=REQUEST; charset=utf-8", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))]);

    [Fact]
    public async Task A_queued_mail_is_sent_once_with_its_attachment_by_the_platforms_dispatcher()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var id = await portal.Get<MailQueue>().EnqueueAsync("nrw", "appointment.reminder", Reminder);

        (await portal.SendMailsAsync()).ShouldBe(1);
        (await portal.SendMailsAsync()).ShouldBe(0);

        var mail = smtp.Received().ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("ratsuchend@example.org");
        mail.From.Mailboxes.Single().Address.ShouldBe("noreply@sozialplattform.example");
        mail.Subject.ShouldBe("Termin bei Beratung Mitte");
        mail.MessageId.ShouldBe($"{id:N}@sozialplattform.notification");
        mail.TextBody!.ShouldBe("Ihr Termin ist morgen um 10:00 Uhr.");
        var attachment = mail.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem();
        attachment.FileName.ShouldBe("termin.ics");
        attachment.ContentType.MimeType.ShouldBe("text/calendar");
        attachment.ContentType.Parameters["method"].ShouldBe("REQUEST");
        (await RowAsync(portal, id)).Status.ShouldBe(OutboxStatus.Delivered);
    }

    [Fact]
    public async Task A_mail_queued_for_later_waits_until_its_time_and_is_stored_encrypted_meanwhile()
    {
        using var portal = new InboxPortal();
        var id = await portal.Get<MailQueue>().EnqueueAsync("nrw", "appointment.reminder", Reminder, sendAt: DateTime.UtcNow.AddDays(1));

        (await portal.SendMailsAsync()).ShouldBe(0);
        var row = await RowAsync(portal, id);
        row.Status.ShouldBe(OutboxStatus.Pending);
        row.Kind.ShouldBe(NotificationKind.Mail);
        row.SubmissionId.ShouldBeNull();
        Encoding.UTF8.GetString(row.MailCipher!).ShouldNotContain("ratsuchend");
        var read = portal.Get<MailQueue>().Read(row);
        (read.To, read.Subject, read.TextBody, read.Language).ShouldBe((Reminder.To, Reminder.Subject, Reminder.TextBody, Reminder.Language));
        read.Attachments!.Single().Content.ShouldBe(Reminder.Attachments![0].Content);
    }

    [Fact]
    public async Task Queueing_with_the_same_key_twice_even_in_parallel_queues_one_mail()
    {
        using var portal = new InboxPortal();
        var queue = portal.Get<MailQueue>();

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => queue.EnqueueAsync("nrw", "appointment.reminder", Reminder, key: "reminder:booking-1:0"))));

        ids.Distinct().ShouldHaveSingleItem();
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        (await context.Notifications.CountAsync(n => n.DeduplicationKey == "reminder:booking-1:0")).ShouldBe(1);
    }

    [Fact]
    public async Task A_withdrawn_mail_is_never_sent_and_a_sent_one_cannot_be_withdrawn()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var queue = portal.Get<MailQueue>();
        var withdrawn = await queue.EnqueueAsync("nrw", "appointment.reminder", Reminder, key: "reminder:cancelled");
        await queue.EnqueueAsync("nrw", "appointment.confirmation", Reminder with { Subject = "Termin bestätigt" }, key: "confirmation:sent");

        (await queue.CancelAsync("reminder:cancelled")).ShouldBeTrue();
        (await portal.SendMailsAsync()).ShouldBe(1);

        smtp.Received().ShouldHaveSingleItem().Subject.ShouldBe("Termin bestätigt");
        (await queue.CancelAsync("confirmation:sent")).ShouldBeFalse();
        (await queue.CancelAsync("no-such-key")).ShouldBeFalse();
        var row = await RowAsync(portal, withdrawn);
        row.Status.ShouldBe(OutboxStatus.Cancelled);
        row.MailCipher.ShouldBeNull("a withdrawn mail keeps no content");
    }

    [Theory]
    [InlineData("", "Betreff", "recipient address")]
    [InlineData("keine-adresse", "Betreff", "recipient address")]
    [InlineData("a@example.org", "", "one-line subject")]
    [InlineData("a@example.org", "Zeile 1\nBcc: b@example.org", "one-line subject")]
    public async Task A_mail_without_a_usable_recipient_or_with_a_broken_subject_is_refused_and_nothing_is_queued(string to, string subject, string problem)
    {
        using var portal = new InboxPortal();

        var error = await Should.ThrowAsync<ArgumentException>(() => portal.Get<MailQueue>().EnqueueAsync("nrw", "test", Reminder with { To = to, Subject = subject }));

        error.Message.ShouldContain(problem);
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        (await context.Notifications.CountAsync()).ShouldBe(0);
    }

    private static async Task<Notification> RowAsync(InboxPortal portal, Guid id)
    {
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        return await context.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }
}
