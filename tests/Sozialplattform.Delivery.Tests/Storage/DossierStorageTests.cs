using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Delivery.Outbox;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>Case files (Akten) where the database matters — generated numbers and one winner under parallel openings, search and the file filter within one authority — on SQLite and PostgreSQL.</summary>
public abstract class DossierStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task Twenty_parallel_new_files_get_twenty_numbers_in_the_authoritys_format_without_gaps()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await using (var context = harness.Database.CreateContext())
            await context.Authorities.Where(a => a.Id == OutboxHarness.InboxAuthority).ExecuteUpdateAsync(u => u.SetProperty(a => a.FileNumberFormat, "soz/{year}/{number:3}"));
        var cases = new List<Guid>();
        for (var i = 0; i < 20; i++) cases.Add((await harness.ReceiveAsync($"g{i}")).Submission.Id);
        var alice = await new CaseworkerAccounts(harness.Database).CreateAsync("g-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var dossiers = new Dossiers(harness.Database, harness.Clock);
        await dossiers.OpenAsync(alice, cases[0], $"SOZ/{Year(harness)}/002");

        var numbers = await Task.WhenAll(cases.Skip(1).Select(id => Task.Run(() => dossiers.OpenAsync(alice, id, null))));

        numbers.OfType<string>().Order().ShouldBe(Enumerable.Range(1, 20).Where(n => n != 2).Select(n => $"SOZ/{Year(harness)}/{n:000}"), "the typed 002 is skipped, the rest are 001 to 020");
        await using var check = harness.Database.CreateContext();
        (await check.InboxItems.CountAsync(i => i.DossierId != null)).ShouldBe(20);
    }

    [SkippableFact]
    public async Task Of_parallel_openings_for_one_case_one_wins_and_a_typed_number_goes_to_one_case_only()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var first = await harness.ReceiveAsync("w1");
        var second = await harness.ReceiveAsync("w2");
        var accounts = new CaseworkerAccounts(harness.Database);
        var alice = await accounts.CreateAsync("w-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var dossiers = new Dossiers(harness.Database, harness.Clock);

        var openings = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Outcome(() => dossiers.OpenAsync(alice, first.Submission.Id, $"AZ-{i}")))));
        var third = await harness.ReceiveAsync("w3");
        var sameNumber = await Task.WhenAll(new[] { second, third }.Select(c => Task.Run(() => Outcome(() => dossiers.OpenAsync(alice, c.Submission.Id, "AZ-100")))));

        openings.Count(o => o.StartsWith("AZ-", StringComparison.Ordinal)).ShouldBe(1);
        openings.Count(o => o == "caseHasFile").ShouldBe(9);
        sameNumber.Order().ShouldBe(["AZ-100", "fileNumberTaken"]);
        var fourth = await harness.ReceiveAsync("w4");
        (await Should.ThrowAsync<CaseInputException>(() => dossiers.OpenAsync(alice, fourth.Submission.Id, "az-100"))).Code.ShouldBe("fileNumberTaken", "upper or lower case is the same number");
        (await Should.ThrowAsync<CaseInputException>(() => dossiers.OpenAsync(alice, fourth.Submission.Id, "<script>"))).Code.ShouldBe("fileNumber");
        (await Should.ThrowAsync<CaseInputException>(() => dossiers.OpenAsync(alice, fourth.Submission.Id, new string('1', FileNumbers.MaxLength + 1)))).Code.ShouldBe("fileNumber");
        await using var context = harness.Database.CreateContext();
        (await context.Dossiers.CountAsync()).ShouldBe(2, "the losers' files were not kept");
        (await context.AuditLog.CountAsync(a => a.Action == "case.file")).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Search_and_the_file_filter_find_linked_cases_by_file_number_and_never_another_authoritys()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var own = await harness.ReceiveAsync("s1");
        var sibling = await harness.ReceiveAsync("s2");
        var foreign = await ReceiveAtOtherAsync(harness, "s3");
        var accounts = new CaseworkerAccounts(harness.Database);
        var alice = await accounts.CreateAsync("s-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var bob = await accounts.CreateAsync("s-bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority);
        var dossiers = new Dossiers(harness.Database, harness.Clock);
        var inbox = new CaseworkerInbox(harness.Database, harness.Clock);
        (await dossiers.OpenAsync(alice, own.Submission.Id, "BG-4711")).ShouldBe("BG-4711");
        (await dossiers.OpenAsync(bob, foreign.Submission.Id, "BG-4711")).ShouldBe("BG-4711", "file numbers are unique per authority");

        (await dossiers.LinkAsync(alice, sibling.Submission.Id, "bg-4711")).ShouldBeTrue();

        (await inbox.ListAsync(alice, new InboxFilter(Search: "4711"))).Items.Select(i => i.SubmissionId).Order().ShouldBe(new[] { own.Submission.Id, sibling.Submission.Id }.Order());
        (await inbox.ListAsync(alice, new InboxFilter(FileNumber: "BG-4711"))).Items.ShouldAllBe(i => i.FileNumber == "BG-4711");
        (await inbox.ListAsync(alice, new InboxFilter(FileNumber: "BG-4711"))).Total.ShouldBe(2);
        (await inbox.ListAsync(bob, new InboxFilter(Search: "4711"))).Items.ShouldHaveSingleItem().SubmissionId.ShouldBe(foreign.Submission.Id);
        (await dossiers.OfAsync(alice, own.Submission.Id))!.Others.ShouldHaveSingleItem().SubmissionId.ShouldBe(sibling.Submission.Id);
        (await dossiers.OfAsync(bob, own.Submission.Id)).ShouldBeNull();
        (await dossiers.LinkAsync(bob, own.Submission.Id, "BG-4711")).ShouldBeFalse("bob's file of the same number is not alice's case's");
        (await dossiers.UnlinkAsync(bob, own.Submission.Id)).ShouldBeFalse();
        (await Should.ThrowAsync<CaseInputException>(() => dossiers.LinkAsync(alice, own.Submission.Id, "BG-0000"))).Code.ShouldBe("fileNumberUnknown");

        (await dossiers.UnlinkAsync(alice, sibling.Submission.Id)).ShouldBeTrue();
        (await inbox.ListAsync(alice, new InboxFilter(FileNumber: "BG-4711"))).Items.ShouldHaveSingleItem().SubmissionId.ShouldBe(own.Submission.Id);
        (await inbox.ListAsync(alice, new InboxFilter(FileNumber: "UNBEKANNT"))).Total.ShouldBe(0);
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.Where(a => a.SubmissionId == sibling.Submission.Id && a.Action == "case.file").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync())
            .ShouldBe(["link BG-4711", "unlink BG-4711"]);
        (await context.AuditLog.CountAsync(a => a.SubmissionId == own.Submission.Id && a.Action == "case.file.refused")).ShouldBe(2);
    }

    [SkippableFact]
    public async Task A_delivered_case_that_names_a_file_number_of_the_authority_is_linked_to_it_and_an_unknown_or_foreign_one_is_only_suggested()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accounts = new CaseworkerAccounts(harness.Database);
        var alice = await accounts.CreateAsync("a-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var bob = await accounts.CreateAsync("a-bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority);
        var dossiers = new Dossiers(harness.Database, harness.Clock);
        var first = await harness.ReceiveAsync("a1");
        await dossiers.OpenAsync(alice, first.Submission.Id, "31101BG0012345");
        var foreign = await ReceiveAtOtherAsync(harness, "a2");
        await dossiers.OpenAsync(bob, foreign.Submission.Id, "31101BG0099999");
        var schemas = new FixedAnswersSchemaSource().WithCaseFileField("buergergeld", "1.0.0", "jobcenter.bgNummer");
        var dispatcher = new OutboxDispatcher(harness.Outbox, new DeliverySource(harness.Database), new DeliveryPackageBuilder(schemas), harness.Channels, harness.Options(), harness.Clock);

        var known = await AcceptNamingAsync(harness, "a3", " 31101bg0012345 ");
        var foreignNumber = await AcceptNamingAsync(harness, "a4", "31101BG0099999");
        var hostile = await AcceptNamingAsync(harness, "a5", "<script>alert(1)</script>");
        (await dispatcher.RunOnceAsync()).Delivered.ShouldBe(5, "the three new cases, and the two put into the inboxes by hand before (already received)");

        (await dossiers.OfAsync(alice, known.Submission.Id))!.FileNumber.ShouldBe("31101BG0012345", "typed in lower case with spaces, normalised");
        (await dossiers.OfAsync(alice, first.Submission.Id))!.Others.ShouldHaveSingleItem().SubmissionId.ShouldBe(known.Submission.Id);
        var suggested = (await dossiers.OfAsync(alice, foreignNumber.Submission.Id))!;
        suggested.FileNumber.ShouldBeNull("another authority's file of the same number is never linked");
        suggested.Suggested.ShouldBe("31101BG0099999");
        var none = (await dossiers.OfAsync(alice, hostile.Submission.Id))!;
        (none.FileNumber, none.Suggested).ShouldBe((null, null), "what is no file number is neither linked nor suggested");
        (await dossiers.OfAsync(bob, foreign.Submission.Id))!.Others.ShouldBeEmpty("bob's file got no case of alice's authority");
        await using var context = harness.Database.CreateContext();
        (await context.Dossiers.CountAsync()).ShouldBe(2, "no file is opened by itself");
        (await context.AuditLog.Where(a => a.Action == "case.file" && a.Actor == "system").Select(a => new { a.SubmissionId, a.Details }).ToListAsync())
            .Select(a => (a.SubmissionId, a.Details)).OrderBy(a => a.Details)
            .ShouldBe([(known.Submission.Id, "auto-link 31101BG0012345"), (foreignNumber.Submission.Id, "suggest (no file of this number)")]);
        var cipher = await context.InboxItems.Where(i => i.SubmissionId == foreignNumber.Submission.Id).Select(i => i.SuggestedFileNumberCipher).SingleAsync();
        System.Text.Encoding.Latin1.GetString(cipher!).ShouldNotContain("31101BG0099999", Case.Sensitive, "the suggestion is stored encrypted");
    }

    private static async Task<AcceptResult> AcceptNamingAsync(OutboxHarness harness, string key, string number) =>
        await new SubmissionStore(harness.Database, harness.Clock).AcceptAsync(
            Samples.Submission(key) with { AnswersJson = Samples.AnswersJson[..^1] + ",\"jobcenter\":{\"bgNummer\":" + System.Text.Json.JsonSerializer.Serialize(number) + "}}" },
            [new Destination(OutboxHarness.InboxAuthority, "")]);

    private static int Year(OutboxHarness harness) => harness.Clock.GetUtcNow().Year;

    private static async Task<string> Outcome(Func<Task<string?>> open)
    {
        try
        {
            return await open() ?? "not visible";
        }
        catch (CaseInputException refused)
        {
            return refused.Code;
        }
    }

    private static async Task<AcceptResult> ReceiveAtOtherAsync(OutboxHarness harness, string key)
    {
        var accepted = await harness.AcceptAsync(key, OutboxHarness.OtherInboxAuthority);
        var entry = (await harness.Outbox.ListAsync()).Single(o => o.SubmissionId == accepted.Submission.Id);
        await new InboxWriter(harness.Database, harness.Clock).ReceiveAsync(entry.Id, accepted.Submission.Id, Samples.Tenant, OutboxHarness.OtherInboxAuthority);
        return accepted;
    }
}

public sealed class DossierSqliteTests(SqliteTarget target) : DossierStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class DossierPostgresTests(PostgresTarget target) : DossierStorageTests(target), IClassFixture<PostgresTarget>;
