namespace Sozialplattform.Delivery.Channels.FailingDemo;

/// <summary>Always fails, with the configured message: for trying retries, dead letters and "retry now".</summary>
public sealed class FailingDemoChannel : Channel<FailingDemoChannelOptions>, IFollowUpChannel
{
    public const string Name = "failing-demo";

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(FailingDemoChannelOptions options) =>
        options.Message is { Length: 0 } ? ["message: must not be empty when given"] : [];

    protected override ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, FailingDemoChannelOptions options, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DeliveryResult.Failed(
            $"failing-demo channel of '{package.Authority.Id}' refused delivery {package.DeliveryId}: {options.Message ?? "this channel always fails (for trying failure paths)"}",
            options.Retryable));

    public ValueTask<DeliveryResult> DeliverFollowUpAsync(FollowUpPackage package, CancellationToken cancellationToken) =>
        WithOptionsAsync(package, options => ValueTask.FromResult(DeliveryResult.Failed(
            $"failing-demo channel of '{package.Authority.Id}' refused follow-up {package.DeliveryId}: {options.Message ?? "this channel always fails (for trying failure paths)"}",
            options.Retryable)));
}

public sealed class FailingDemoChannelOptions
{
    /// <summary>The error to report.</summary>
    public string? Message { get; set; }

    /// <summary>False makes the first failure final (straight to the dead letters).</summary>
    public bool Retryable { get; set; } = true;
}
