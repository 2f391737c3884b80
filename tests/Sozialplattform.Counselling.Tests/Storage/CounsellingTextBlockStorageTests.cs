using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>A centre's text blocks: the limit per centre holds under parallel requests; only its leads keep them, other centres never see them.</summary>
public abstract class CounsellingTextBlockStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task The_limit_per_centre_holds_under_20_parallel_additions()
    {
        var scenario = await CreateAsync(target);
        var blocks = new CounsellingTextBlocks(scenario.Database, maxPerCentre: 5);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => blocks.AddAsync(scenario.Lea, CentreA, $"Baustein {i}", "Text"))));

        results.Count(r => r.Count == 0).ShouldBe(5);
        results.Where(r => r.Count > 0).ShouldAllBe(r => r.Single().Code == "textBlocksFull");
        (await blocks.ListAsync(scenario.Lea, CentreA)).Count.ShouldBe(5);
    }

    [SkippableFact]
    public async Task Only_leads_keep_a_centres_blocks_and_another_centre_neither_reads_nor_deletes_them()
    {
        var scenario = await CreateAsync(target);
        var blocks = new CounsellingTextBlocks(scenario.Database);
        (await blocks.AddAsync(scenario.Lea, CentreA, "Begrüßung", "Guten Tag")).ShouldBeEmpty();
        var block = (await blocks.ListAsync(scenario.Anna, CentreA)).Single();
        var bernd = new Counsellor(scenario.Bernd.AccountId, "bernd", new Dictionary<Guid, Sozialplattform.Counselling.Storage.TeamRole> { [CentreB] = Sozialplattform.Counselling.Storage.TeamRole.Lead });

        (await blocks.AddAsync(scenario.Anna, CentreA, "Von Anna", "Text")).Single().Code.ShouldBe("notLead");
        (await blocks.DeleteAsync(scenario.Anna, CentreA, block.Id)).ShouldBeFalse();
        (await blocks.ListAsync(bernd, CentreA)).ShouldBeEmpty();
        (await blocks.FindAsync(bernd, CentreB, block.Id)).ShouldBeNull();
        (await blocks.DeleteAsync(bernd, CentreB, block.Id)).ShouldBeFalse();
        (await blocks.ListAsync(scenario.Lea, CentreA)).Single().ShouldBe(block);

        (await blocks.DeleteAsync(scenario.Lea, CentreA, block.Id)).ShouldBeTrue();
        (await blocks.ListAsync(scenario.Lea, CentreA)).ShouldBeEmpty();
    }
}

public sealed class CounsellingTextBlockStorageSqliteTests(SqliteTarget target) : CounsellingTextBlockStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingTextBlockStoragePostgresTests(PostgresTarget target) : CounsellingTextBlockStorageTests(target), IClassFixture<PostgresTarget>;
