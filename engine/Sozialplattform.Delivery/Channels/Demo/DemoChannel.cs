using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sozialplattform.Delivery.Channels.Demo;

/// <summary>Accepts every delivery, logs it and keeps it in memory (for trying the platform and for tests).</summary>
public sealed class DemoChannel(ILogger<DemoChannel>? logger = null) : Channel<DemoChannelOptions>, IFollowUpChannel
{
    public const string Name = "demo";
    private readonly ILogger _logger = logger ?? NullLogger<DemoChannel>.Instance;

    public override string Type => Name;

    /// <summary>Every delivery received, in order; a repeated delivery id appears again (the receiver's view).</summary>
    public ConcurrentQueue<DeliveryPackage> Received { get; } = new();

    /// <summary>Every follow-up (hand-in) received, in order.</summary>
    public ConcurrentQueue<FollowUpPackage> FollowUps { get; } = new();

    protected override IReadOnlyList<string> Validate(DemoChannelOptions options) => [];

    public ValueTask<DeliveryResult> DeliverFollowUpAsync(FollowUpPackage package, CancellationToken cancellationToken)
    {
        FollowUps.Enqueue(package);
        _logger.LogInformation("Demo follow-up {DeliveryId}: {Receipt} to {Authority}", package.DeliveryId, package.ReceiptNumber, package.Authority.Id);
        return ValueTask.FromResult(DeliveryResult.Delivered($"demo {package.DeliveryId}"));
    }

    protected override ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, DemoChannelOptions options, CancellationToken cancellationToken)
    {
        Received.Enqueue(package);
        _logger.LogInformation("Demo delivery {DeliveryId}: {Reference} ({FormId} {FormVersion}) to {Authority}",
            package.DeliveryId, package.ReferenceNumber, package.FormId, package.FormVersion, package.Authority.Id);
        return ValueTask.FromResult(DeliveryResult.Delivered($"demo {package.DeliveryId}"));
    }
}

/// <summary>The demo channel takes no options.</summary>
public sealed class DemoChannelOptions;
