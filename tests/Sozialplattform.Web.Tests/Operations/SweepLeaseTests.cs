using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// Sweep jobs with several hosts on one PostgreSQL database: each round of a sweep runs on exactly one host (the
/// holder of the job's lease), another host takes over when the holder's lease runs out, and the real draft deletion
/// of two portal hosts deletes each expired draft once, on one host.
/// </summary>
public sealed class SweepLeaseTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    [SkippableFact]
    public async Task Two_hosts_asking_for_the_same_sweep_at_once_run_it_exactly_once_per_round()
    {
        var clock = new ManualClock();
        var (hostA, hostB) = (await LeasesAsync(clock), await LeasesAsync(clock));
        var runs = new int[2];

        for (var round = 0; round < 25; round++)
        {
            var job = $"round-{round}";
            var results = await Task.WhenAll(
                Task.Run(() => hostA.RunLeasedAsync(job, TimeSpan.FromHours(1), _ => Task.FromResult(Interlocked.Increment(ref runs[0])))),
                Task.Run(() => hostB.RunLeasedAsync(job, TimeSpan.FromHours(1), _ => Task.FromResult(Interlocked.Increment(ref runs[1])))));

            results.Count(r => r is not null).ShouldBe(1, $"round {round}: exactly one host sweeps");
        }

        (runs[0] + runs[1]).ShouldBe(25);
    }

    [SkippableFact]
    public async Task The_holder_renews_its_lease_and_another_host_takes_over_only_when_it_has_run_out()
    {
        var clock = new ManualClock();
        var (holder, other) = (await LeasesAsync(clock), await LeasesAsync(clock));
        var hour = TimeSpan.FromHours(1);

        (await holder.TryTakeAsync("takeover", hour)).ShouldBeTrue();
        (await other.TryTakeAsync("takeover", hour)).ShouldBeFalse("the lease is held");
        clock.Advance(TimeSpan.FromMinutes(59));
        (await holder.TryTakeAsync("takeover", hour)).ShouldBeTrue("the holder renews its own lease");
        clock.Advance(TimeSpan.FromMinutes(59));
        (await other.TryTakeAsync("takeover", hour)).ShouldBeFalse("renewed, so still held");
        clock.Advance(TimeSpan.FromMinutes(2));
        (await other.TryTakeAsync("takeover", hour)).ShouldBeTrue("the holder stopped renewing (it died): the lease ran out");
        (await holder.TryTakeAsync("takeover", hour)).ShouldBeFalse("and now the other host holds it");
    }

    [SkippableFact]
    public async Task The_draft_deletion_of_two_portal_hosts_deletes_each_expired_draft_once_on_one_host()
    {
        var (hostA, hostB) = (portals.Host(), portals.Host());
        var drafts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var first = await Journeys.FirstPageAsync((i % 2 == 0 ? hostA : hostB).Browse(), "haushalt");
            drafts.Add(Journeys.DraftId(first));
        }

        await using (var context = hostA.Services.GetRequiredService<SozialDatabase>().CreateContext())
        {
            var old = DateTime.UtcNow - TimeSpan.FromDays(31);
            (await context.Drafts.Where(d => drafts.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, old))).ShouldBe(3);
        }

        var results = await Task.WhenAll(
            Task.Run(() => hostA.Services.GetRequiredService<DraftRetentionService>().RunLeasedAsync()),
            Task.Run(() => hostB.Services.GetRequiredService<DraftRetentionService>().RunLeasedAsync()));

        results.Count(r => r is null).ShouldBe(1, "one host holds the hour's lease, the other skips the sweep");
        results.Single(r => r is not null).ShouldBe(3);
        await using var check = hostB.Services.GetRequiredService<SozialDatabase>().CreateContext();
        (await check.Drafts.CountAsync(d => drafts.Contains(d.Id))).ShouldBe(0);
    }

    private async Task<JobLeases> LeasesAsync(TimeProvider clock)
    {
        PostgresPortals.RequireServer();
        var platform = await SozialDatabase.OpenAsync(new StorageOptions
        {
            Provider = StorageProvider.Postgres, ConnectionString = portals.ConnectionString, EncryptionKey = PostgresPortals.DataKey,
            DataDirectory = Path.Combine(Path.GetTempPath(), "sozial-leases-unused"),
        });
        return new JobLeases(await OperationsDatabase.OpenAsync(platform), clock);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
