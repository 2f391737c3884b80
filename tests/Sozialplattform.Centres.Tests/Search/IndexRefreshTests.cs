using NodaTime;
using NodaTime.Testing;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Search;

/// <summary>
/// Two hosts on one database, each with its own store and finder: a change published through one is found by the
/// other once its refresh interval has passed (a cheap signature of the table, not a reload per search), and not before.
/// </summary>
public abstract class IndexRefreshTests(DatabaseTarget target)
{
    private static readonly CentresOptions Options = new() { Tenant = "nrw" };

    [SkippableFact]
    public async Task A_change_published_on_one_host_is_found_on_another_once_its_refresh_interval_has_passed()
    {
        var database = await CentresDatabases.FreshAsync(target);
        var (storeA, storeB) = (new CentreStore(database), new CentreStore(await CentresDatabase.OpenAsync(database.Platform)));
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 2, 11, 0));
        var hostB = new CentreFinder(storeB, TestCentres.Places(), Options, clock, TimeSpan.FromSeconds(2));
        var (_, id) = await storeA.ImportAsync("nrw", TestCentres.Centre("eins", TestCentres.Koeln), "test");
        (await hostB.FindAsync(id))!.Record.Phone.ShouldBe("+49 221 123456");

        var row = (await storeA.FindAsync(id))!;
        await storeA.SaveWorkingAsync(id, CentreJson.Read(row.Working) with { Phone = "+49 221 555555" }, row.Revision, "test");
        await storeA.SubmitForReviewAsync(id, row.Revision + 1, "test");
        await storeA.PublishAsync(id, row.Revision + 2, "redaktion");
        var (_, added) = await storeA.ImportAsync("nrw", TestCentres.Centre("zwei", TestCentres.Bonn), "test");

        (await hostB.FindAsync(id))!.Record.Phone.ShouldBe("+49 221 123456", "within the interval the index is not checked again");
        clock.Advance(Duration.FromSeconds(2));
        (await hostB.FindAsync(id))!.Record.Phone.ShouldBe("+49 221 555555");
        (await hostB.FindAsync(added)).ShouldNotBeNull();
        (await hostB.SearchAsync(new CentreQuery { Place = "50667" })).Hits.Count.ShouldBe(2);
    }

    [SkippableFact]
    public async Task Every_kind_of_write_moves_the_signature_and_reading_does_not()
    {
        var database = await CentresDatabases.FreshAsync(target);
        var store = new CentreStore(database);
        var signatures = new List<long> { await store.SignatureAsync("nrw") };
        var (_, id) = await store.ImportAsync("nrw", TestCentres.Centre("eins", TestCentres.Koeln), "test");
        signatures.Add(await store.SignatureAsync("nrw"));
        await store.ConfirmAsync(id, (await store.FindAsync(id))!.Revision, "test");
        signatures.Add(await store.SignatureAsync("nrw"));
        await store.ImportAsync("nrw", TestCentres.Centre("eins", TestCentres.Koeln) with { Phone = "+49 221 1" }, "test");
        signatures.Add(await store.SignatureAsync("nrw"));
        await store.CreateDraftAsync("nrw", TestCentres.Centre("entwurf", TestCentres.Bonn), "test");
        signatures.Add(await store.SignatureAsync("nrw"));
        await store.PublishedAsync("nrw");

        signatures.Distinct().Count().ShouldBe(signatures.Count);
        (await store.SignatureAsync("nrw")).ShouldBe(signatures[^1]);
        (await store.SignatureAsync("anderes-land")).ShouldBe(0);
    }
}

public sealed class IndexRefreshSqliteTests(SqliteTarget target) : IndexRefreshTests(target), IClassFixture<SqliteTarget>;

public sealed class IndexRefreshPostgresTests(PostgresTarget target) : IndexRefreshTests(target), IClassFixture<PostgresTarget>;
