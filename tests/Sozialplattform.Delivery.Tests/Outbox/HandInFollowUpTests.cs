using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Outbox;

/// <summary>A hand-in to a case whose submission went out over another channel than the built-in inbox is delivered there as a follow-up.</summary>
public abstract class HandInFollowUpTests(DatabaseTarget target)
{
    private const string Hostile = "<script>alert('x')</script>\nBcc: boss@example.org\n{{ message }}";
    private static readonly byte[] Pdf = Samples.MinimalPdf;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    /// <summary>SQLite supports one dispatcher per file (documented); PostgreSQL any number, so there two race for the follow-up.</summary>
    private int Workers => target.Provider == StorageProvider.Postgres ? 2 : 1;

    private static OutboxDispatcher Dispatcher(OutboxHarness harness, string worker = "worker-1") =>
        new(harness.Outbox, new DeliverySource(harness.Database), new DeliveryPackageBuilder(new FixedAnswersSchemaSource().Add("buergergeld", "1.0.0", Packages.AnswersSchema)),
            harness.Channels, harness.Options(worker, maxAttempts: 3), harness.Clock);

    private static Task<HandInReceipt?> HandInAsync(OutboxHarness harness, AcceptResult accepted, string? text, params CaseFile[] files) =>
        new ApplicantCase(harness.Database, harness.Clock).HandInAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret, text, files);

    private static async Task<List<OutboxEntry>> FollowUpsAsync(OutboxHarness harness) =>
        (await harness.Outbox.ListAsync(take: 1000)).Where(o => o.MessageId != null).OrderBy(o => o.CreatedAt).ToList();

    private static async Task SetChannelAsync(OutboxHarness harness, string authority, string channel, JsonObject options)
    {
        await using var context = harness.Database.CreateContext();
        await context.Authorities.Where(a => a.Id == authority).ExecuteUpdateAsync(s => s.SetProperty(a => a.ChannelType, channel).SetProperty(a => a.ChannelOptionsJson, options.ToJsonString()));
    }

    [SkippableFact]
    public async Task A_hand_in_is_delivered_once_as_a_follow_up_naming_the_first_delivery_with_its_message_and_files()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.AcceptAsync("f1", OutboxHarness.DemoAuthority);
        (await Dispatcher(harness).RunOnceAsync()).Delivered.ShouldBe(1);
        var original = (await harness.Outbox.ListAsync()).Single();

        var receipt = (await HandInAsync(harness, accepted, "Hier die Kontoauszüge.", new CaseFile("kontoauszug-1.pdf", "application/pdf", Pdf), new CaseFile("foto.png", "image/png", Png)))!;

        var followUp = (await FollowUpsAsync(harness)).ShouldHaveSingleItem();
        (followUp.Status, followUp.AuthorityId, followUp.Channel, followUp.SubmissionId).ShouldBe((OutboxStatus.Pending, OutboxHarness.DemoAuthority, "demo", accepted.Submission.Id));
        (await Dispatcher(harness).RunOnceAsync()).ShouldBe(new DispatchReport(1, 1, 0, 0));
        (await Dispatcher(harness).RunOnceAsync()).Claimed.ShouldBe(0);

        var package = harness.Demo.FollowUps.ShouldHaveSingleItem();
        (package.DeliveryId, package.OriginalDeliveryId, package.OriginalReceipt).ShouldBe((followUp.Id, original.Id, original.Receipt));
        (package.ReferenceNumber, package.ReceiptNumber).ShouldBe((accepted.Submission.ReferenceNumber, receipt.ReceiptNumber));
        receipt.ReceiptNumber.ShouldBe($"{accepted.Submission.ReferenceNumber}-N1");
        package.Message.ShouldBe("Hier die Kontoauszüge.");
        package.Files.Select(f => (f.FileName, f.MediaType)).ShouldBe([("kontoauszug-1.pdf", "application/pdf"), ("foto.png", "image/png")]);
        package.Files[1].Content.ShouldBe(Png);
        harness.Demo.Received.ShouldHaveSingleItem().Attachments.ShouldHaveSingleItem().FileName.ShouldBe("mietvertrag.txt");
        (await harness.Outbox.ListAsync(OutboxStatus.Delivered)).Count.ShouldBe(2);
    }

    [SkippableFact]
    public async Task A_hand_in_and_its_follow_up_are_stored_together_or_not_at_all()
    {
        var harness = await OutboxHarness.StartAsync(target, new FailOnFollowUp());
        var accepted = await harness.AcceptAsync("f2", OutboxHarness.DemoAuthority);

        await Should.ThrowAsync<InvalidOperationException>(() => HandInAsync(harness, accepted, "Nachweis", new CaseFile("a.pdf", "application/pdf", Pdf)));

        await using var context = harness.Database.CreateContext();
        (await context.CaseMessages.CountAsync()).ShouldBe(0);
        (await context.Attachments.CountAsync(a => a.MessageId != null)).ShouldBe(0);
        (await context.Outbox.CountAsync(o => o.MessageId != null)).ShouldBe(0);
        (await context.AuditLog.CountAsync(a => a.Action == "case.hand-in")).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Nothing_is_sent_for_a_case_in_the_built_in_inbox_and_only_the_other_channel_gets_the_follow_up()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var inboxOnly = await harness.AcceptAsync("f3", OutboxHarness.InboxAuthority);
        var both = await harness.AcceptAsync("f4", OutboxHarness.InboxAuthority, OutboxHarness.DemoAuthority);
        (await Dispatcher(harness).RunOnceAsync()).Delivered.ShouldBe(3);

        await HandInAsync(harness, inboxOnly, "Nachweis", new CaseFile("a.pdf", "application/pdf", Pdf));
        await HandInAsync(harness, both, "Nachweis", new CaseFile("b.pdf", "application/pdf", Pdf));

        var followUp = (await FollowUpsAsync(harness)).ShouldHaveSingleItem();
        (followUp.SubmissionId, followUp.AuthorityId).ShouldBe((both.Submission.Id, OutboxHarness.DemoAuthority));
        (await Dispatcher(harness).RunOnceAsync()).Delivered.ShouldBe(1);
        harness.Demo.FollowUps.ShouldHaveSingleItem().Files.ShouldHaveSingleItem().FileName.ShouldBe("b.pdf");
    }

    [SkippableFact]
    public async Task A_follow_up_waits_for_the_submission_itself_and_goes_after_it()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await SetChannelAsync(harness, OutboxHarness.DemoAuthority, "failing-demo", new JsonObject { ["message"] = "Fachverfahren nicht erreichbar" });
        var accepted = await harness.AcceptAsync("f5", OutboxHarness.DemoAuthority);
        await HandInAsync(harness, accepted, "früh nachgereicht");

        (await Dispatcher(harness).RunOnceAsync()).Retried.ShouldBe(2);
        (await FollowUpsAsync(harness)).Single().LastError!.ShouldMatch(@"^attempt 1: waiting for the submission's own delivery [0-9a-f-]{36} to 'jobcenter-demo' \((pending|delivering)\)$");

        await SetChannelAsync(harness, OutboxHarness.DemoAuthority, "demo", []);
        for (var round = 0; round < 5 && harness.Demo.FollowUps.IsEmpty; round++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(10));
            await Dispatcher(harness).RunOnceAsync();
        }

        harness.Demo.Received.ShouldHaveSingleItem();
        harness.Demo.FollowUps.ShouldHaveSingleItem().Message.ShouldBe("früh nachgereicht");
    }

    [SkippableFact]
    public async Task A_hand_in_to_a_case_routed_over_e_mail_reaches_the_SMTP_server_as_a_second_mail_answering_the_first()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var harness = await OutboxHarness.StartAsync(target);
        await SetChannelAsync(harness, OutboxHarness.DemoAuthority, "email", new JsonObject
        {
            ["host"] = "127.0.0.1", ["port"] = smtp.Port, ["security"] = "none", ["from"] = "antraege@sozialplattform.example", ["to"] = "jobcenter@kreis-borken.example",
        });
        var accepted = await harness.AcceptAsync("m1", OutboxHarness.DemoAuthority);
        (await Dispatcher(harness).RunOnceAsync()).Delivered.ShouldBe(1);
        var receipt = (await HandInAsync(harness, accepted, "Die Lohnabrechnung für März.", new CaseFile("lohn-maerz.pdf", "application/pdf", Pdf)))!;
        (await Dispatcher(harness).RunOnceAsync()).Delivered.ShouldBe(1);

        var mails = smtp.Received();
        mails.Count.ShouldBe(2);
        var (first, second) = (mails[0], mails[1]);
        first.Subject.ShouldBe($"Antrag {accepted.Submission.ReferenceNumber}: Antrag auf Bürgergeld");
        second.Subject.ShouldBe($"Nachreichung zu {accepted.Submission.ReferenceNumber} ({receipt.ReceiptNumber})");
        second.InReplyTo.ShouldBe(first.MessageId);
        second.References.ShouldBe([first.MessageId!]);
        second.To.Mailboxes.Single().Address.ShouldBe("jobcenter@kreis-borken.example");
        second.Headers["X-Sozialplattform-Reference"].ShouldBe(accepted.Submission.ReferenceNumber);
        second.TextBody!.ShouldContain($"Referenznummer: {accepted.Submission.ReferenceNumber}");
        second.TextBody!.ShouldContain($"Eingangsnummer der Nachreichung: {receipt.ReceiptNumber}");
        second.TextBody!.ShouldContain("Nachricht:\nDie Lohnabrechnung für März.");
        second.TextBody!.ShouldContain("- lohn-maerz.pdf (SHA-256 ");
        second.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).ShouldBe(["lohn-maerz.pdf"]);
    }

    [SkippableTheory]
    [InlineData("email")]
    [InlineData("fitconnect")]
    [InlineData("xta")]
    public async Task Each_channel_delivers_a_hand_in_once_after_its_receiver_failed_and_dead_letters_one_after_the_limit(string channel)
    {
        await using var receiver = await FollowUpReceiver.StartAsync(channel);
        var harness = await OutboxHarness.StartAsync(target);
        await SetChannelAsync(harness, OutboxHarness.DemoAuthority, channel, receiver.Options);
        var accepted = await harness.AcceptAsync("j1", OutboxHarness.DemoAuthority);
        var report = await Dispatcher(harness).RunOnceAsync();
        (await harness.Outbox.ListAsync()).Single().LastError.ShouldBeNull();
        report.Delivered.ShouldBe(1);
        var first = receiver.Arrivals().ShouldHaveSingleItem();

        // The receiver is down when the applicant hands in: the follow-up waits for a retry.
        await receiver.SetDownAsync(true);
        var receipt = (await HandInAsync(harness, accepted, Hostile, new CaseFile("../../etc/pass\u0007wd.pdf", "application/pdf", Pdf), new CaseFile("foto.png", "image/png", Png)))!;
        (await Dispatcher(harness).RunOnceAsync()).Retried.ShouldBe(1);
        (await FollowUpsAsync(harness)).Single().LastError!.ShouldStartWith("attempt 1: ");

        // Back up: dispatchers race for it; it arrives once.
        await receiver.SetDownAsync(false);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        var reports = await Task.WhenAll(Enumerable.Range(1, Workers).Select(n => Task.Run(() => Dispatcher(harness, $"worker-{n}").RunOnceAsync())));
        (reports.Sum(r => r.Claimed), reports.Sum(r => r.Delivered)).ShouldBe((1, 1));

        var arrivals = receiver.Arrivals();
        arrivals.Count(a => a.ReceiptNumber is null).ShouldBeLessThanOrEqualTo(1);
        var followUp = arrivals.Where(a => a.ReceiptNumber == receipt.ReceiptNumber).ShouldHaveSingleItem();
        followUp.ReferenceToFirst.ShouldBe(first.Id);
        followUp.Id.ShouldNotBe(first.Id);
        followUp.Message!.ShouldContain(Hostile);
        followUp.Files.Keys.ShouldBe(["passwd.pdf", "foto.png"], ignoreOrder: true);
        followUp.Files["passwd.pdf"].ShouldBe(Pdf);
        followUp.Files["foto.png"].ShouldBe(Png);
        if (channel != "fitconnect") followUp.Subject.ShouldBe($"Nachreichung zu {accepted.Submission.ReferenceNumber} ({receipt.ReceiptNumber})");
        (followUp.HasHtml, followUp.Recipients).ShouldBe((false, 1));

        // Down for good: the next hand-in is a dead letter after the limit of attempts, naming the receiver's error.
        await receiver.SetDownAsync(true);
        var second = (await HandInAsync(harness, accepted, "noch ein Nachweis"))!;
        var dispatcher = Dispatcher(harness);
        (await dispatcher.RunOnceAsync()).Retried.ShouldBe(1);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        (await dispatcher.RunOnceAsync()).Retried.ShouldBe(1);
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        (await dispatcher.RunOnceAsync()).Dead.ShouldBe(1);
        var dead = (await harness.Outbox.ListAsync(OutboxStatus.Dead)).ShouldHaveSingleItem();
        (dead.MessageId, dead.Attempts).ShouldNotBe((null, 0));
        dead.Attempts.ShouldBe(3);
        dead.LastError!.ShouldStartWith("attempt 3: ");
        receiver.Arrivals().ShouldNotContain(a => a.ReceiptNumber == second.ReceiptNumber);
    }

    /// <summary>Fails the save that carries a follow-up entry, as a crash in the hand-in's transaction would.</summary>
    private sealed class FailOnFollowUp : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<OutboxEntry>().Any(e => e.State == EntityState.Added && e.Entity.MessageId != null)
                ? throw new InvalidOperationException("injected failure while storing a hand-in")
                : base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class HandInFollowUpSqliteTests(SqliteTarget target) : HandInFollowUpTests(target), IClassFixture<SqliteTarget>;

public sealed class HandInFollowUpPostgresTests(PostgresTarget target) : HandInFollowUpTests(target), IClassFixture<PostgresTarget>;
