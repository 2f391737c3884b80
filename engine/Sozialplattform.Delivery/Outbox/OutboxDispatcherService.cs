using Microsoft.Extensions.Hosting;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>Runs the dispatcher for the lifetime of a host (<c>services.AddHostedService&lt;OutboxDispatcherService&gt;()</c>).</summary>
public sealed class OutboxDispatcherService(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
