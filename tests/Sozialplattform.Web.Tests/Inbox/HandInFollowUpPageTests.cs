using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// A hand-in on the status page of a case whose submission went to the authority by e-mail: it reaches the authority's
/// mailbox as a second mail answering the first, and the status page says when it was passed on.
/// </summary>
public sealed class HandInFollowUpPageTests
{
    [SkippableFact]
    public async Task A_hand_in_to_a_case_sent_by_e_mail_arrives_as_a_second_mail_and_the_status_page_shows_its_delivery()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        await using (var context = portal.Get<SozialDatabase>().CreateContext())
            await context.Authorities.Where(a => a.Id == InboxPortal.AuthorityFlaky).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.ChannelType, "email")
                .SetProperty(a => a.ChannelOptionsJson, $$"""{"host":"127.0.0.1","port":{{port}},"security":"none","from":"antraege@sozialplattform.example","to":"wackel@example.org"}"""));
        var accepted = await portal.SubmitAsync(InboxPortal.AuthorityFlaky, channel: "email");
        var reference = accepted.Submission.ReferenceNumber;
        await portal.DeliverAsync();
        var first = smtp.Received().ShouldHaveSingleItem();

        var applicant = portal.Browse();
        var statusUrl = $"/de/status/{reference}?key={Uri.EscapeDataString(accepted.StatusSecret)}";
        var handedIn = await applicant.SubmitAsync(await applicant.GetAsync(statusUrl), "/nachreichen",
            new Dictionary<string, string?> { ["nachricht"] = "Hier die Auszüge <script>alert('x')</script>" },
            files: [("dateien", "../../kontoauszug\u0007.pdf", InboxPortal.Pdf)]);
        handedIn.Text(".case-message--handin .case-message__delivery").ShouldBe("Wird an die Behörde übermittelt");

        await portal.DeliverAsync();

        var mails = smtp.Received();
        mails.Count.ShouldBe(2);
        var followUp = mails[1];
        followUp.Subject.ShouldBe($"Nachreichung zu {reference} ({reference}-N1)");
        followUp.InReplyTo.ShouldBe(first.MessageId);
        followUp.To.Mailboxes.Single().Address.ShouldBe("wackel@example.org");
        followUp.HtmlBody.ShouldBeNull();
        followUp.TextBody!.ShouldContain("Hier die Auszüge <script>alert('x')</script>");
        followUp.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).ShouldBe(["kontoauszug.pdf"]);

        var status = await applicant.GetAsync(statusUrl);
        status.Text(".case-message--handin .case-message__delivery").ShouldStartWith("An die Behörde übermittelt am ");
    }

    [SkippableFact]
    public async Task A_hand_in_to_a_case_in_the_built_in_inbox_sends_nothing_and_shows_no_delivery_line()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var accepted = await portal.SubmitAsync(InboxPortal.AuthorityA);
        await portal.DeliverAsync();

        var applicant = portal.Browse();
        var statusUrl = $"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}";
        var handedIn = await applicant.SubmitAsync(await applicant.GetAsync(statusUrl), "/nachreichen", new Dictionary<string, string?> { ["nachricht"] = "Nachweis folgt." });
        await portal.DeliverAsync();

        handedIn.Document.QuerySelector(".case-message--handin").ShouldNotBeNull();
        handedIn.Document.QuerySelector(".case-message__delivery").ShouldBeNull();
        smtp.Received().ShouldBeEmpty();
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        (await context.Outbox.CountAsync(o => o.SubmissionId == accepted.Submission.Id)).ShouldBe(1);
    }
}
