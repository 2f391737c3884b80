using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Storage;

public abstract class CentreStoreTests(DatabaseTarget target)
{
    private async Task<CentreStore> StoreAsync() => new(await CentresDatabases.FreshAsync(target));

    [SkippableFact]
    public async Task Importing_the_same_record_twice_changes_nothing_the_second_time()
    {
        var store = await StoreAsync();
        var record = TestCentres.Centre("koeln-1", TestCentres.Koeln);

        var first = await store.ImportAsync("nrw", record, "import:test.json");
        var second = await store.ImportAsync("nrw", record, "import:test.json");

        first.Outcome.ShouldBe(ImportOutcome.Created);
        second.ShouldBe((ImportOutcome.Unchanged, first.Id));
        (await store.HistoryAsync(first.Id)).Count(c => c.Field is null).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_changed_import_records_who_when_and_each_field_with_old_and_new_value()
    {
        var store = await StoreAsync();
        var (_, id) = await store.ImportAsync("nrw", TestCentres.Centre("koeln-1", TestCentres.Koeln), "import:a.json");

        var (outcome, _) = await store.ImportAsync("nrw", TestCentres.Centre("koeln-1", TestCentres.Koeln) with { Phone = "+49 221 999999" }, "import:b.json");

        outcome.ShouldBe(ImportOutcome.Changed);
        var change = (await store.HistoryAsync(id)).Single(c => c.Who == "import:b.json" && c.Field is not null);
        (change.Field, change.OldValue, change.NewValue).ShouldBe(("phone", "+49 221 123456", "+49 221 999999"));
        change.At.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
    }

    [SkippableFact]
    public async Task A_change_in_review_leaves_the_published_record_visible_until_it_is_published()
    {
        var store = await StoreAsync();
        var original = TestCentres.Centre("koeln-1", TestCentres.Koeln);
        var (_, id) = await store.ImportAsync("nrw", original, "import");
        var revision = (await store.FindAsync(id))!.Revision;

        (await store.SaveWorkingAsync(id, original with { Phone = "+49 221 777777" }, revision, "editor@traeger")).ShouldBe(SaveOutcome.Saved);
        (await store.SubmitForReviewAsync(id, revision + 1, "editor@traeger")).ShouldBe(SaveOutcome.Saved);
        var inReview = (await store.FindAsync(id))!;

        inReview.Status.ShouldBe(CentreStatus.InReview);
        CentreJson.Read(inReview.Published!).Phone.ShouldBe("+49 221 123456");
        (await store.PublishAsync(id, inReview.Revision, "redaktion")).ShouldBe(SaveOutcome.Saved);
        CentreJson.Read((await store.FindAsync(id))!.Published!).Phone.ShouldBe("+49 221 777777");
        (await store.HistoryAsync(id)).Select(c => c.Action).Distinct().ShouldBe(["imported", "edited", "submitted", "published"]);
    }

    [SkippableFact]
    public async Task The_second_of_two_editors_saving_from_the_same_revision_is_told_and_nothing_is_lost()
    {
        var store = await StoreAsync();
        var original = TestCentres.Centre("koeln-1", TestCentres.Koeln);
        var (_, id) = await store.ImportAsync("nrw", original, "import");
        var revision = (await store.FindAsync(id))!.Revision;

        var first = await store.SaveWorkingAsync(id, original with { Phone = "+49 221 111111" }, revision, "a");
        var second = await store.SaveWorkingAsync(id, original with { Phone = "+49 221 222222" }, revision, "b");

        (first, second).ShouldBe((SaveOutcome.Saved, SaveOutcome.Conflict));
        CentreJson.Read((await store.FindAsync(id))!.Working).Phone.ShouldBe("+49 221 111111");
    }

    [SkippableFact]
    public async Task Publishing_what_is_not_in_review_is_refused()
    {
        var store = await StoreAsync();
        var id = await store.CreateDraftAsync("nrw", TestCentres.Centre("neu", TestCentres.Koeln), "redaktion");

        (await store.PublishAsync(id, 0, "redaktion")).ShouldBe(SaveOutcome.WrongState);
        (await store.PublishedAsync("nrw")).ShouldBeEmpty();
    }
}

public sealed class CentreStoreSqliteTests(SqliteTarget target) : CentreStoreTests(target), IClassFixture<SqliteTarget>;

public sealed class CentreStorePostgresTests(PostgresTarget target) : CentreStoreTests(target), IClassFixture<PostgresTarget>;
