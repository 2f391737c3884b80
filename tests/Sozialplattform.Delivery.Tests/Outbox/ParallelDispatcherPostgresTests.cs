using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Delivery.Tests.Outbox;

/// <summary>Several dispatchers on one PostgreSQL database (FOR UPDATE SKIP LOCKED) deliver each entry exactly once.</summary>
public sealed class ParallelDispatcherPostgresTests(PostgresTarget target) : IClassFixture<PostgresTarget>
{
    [SkippableFact]
    public async Task Three_dispatchers_running_at_once_deliver_every_entry_exactly_once()
    {
        var harness = await OutboxHarness.StartAsync(target);
        for (var i = 0; i < 150; i++) await harness.AcceptAsync($"p{i}", OutboxHarness.DemoAuthority, OutboxHarness.InboxAuthority);

        await Task.WhenAll(Enumerable.Range(1, 3).Select(n => Task.Run(async () =>
        {
            var dispatcher = harness.Dispatcher(harness.Options($"worker-{n}") with { BatchSize = 7 });
            while (true)
            {
                var report = await dispatcher.RunOnceAsync();
                if (report.Claimed == 0) break;
            }
        })));

        var entries = await harness.Outbox.ListAsync(take: 1000);
        entries.Count.ShouldBe(300);
        entries.ShouldAllBe(e => e.Status == OutboxStatus.Delivered && e.Attempts == 1);
        harness.Demo.Received.Count.ShouldBe(150);
        harness.Demo.Received.Select(p => p.DeliveryId).Distinct().Count().ShouldBe(150);
    }
}
