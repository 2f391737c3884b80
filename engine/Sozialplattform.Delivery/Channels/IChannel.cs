using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels;

/// <summary>
/// One way to hand a submission to an authority. Error contract: a channel never throws for a failed
/// delivery; it returns <see cref="DeliveryResult.Failed"/> with a message for operators and whether a
/// retry can help. It must tolerate receiving the same <see cref="DeliveryPackage.DeliveryId"/> again.
/// </summary>
public interface IChannel
{
    /// <summary>The name used in <c>authorities.json</c> (<c>"channel": {"type": "fitconnect"}</c>).</summary>
    string Type { get; }

    /// <summary>The config check: every problem with these options, as "option: what is wrong"; empty when usable.</summary>
    IReadOnlyList<string> Validate(JsonObject options);

    ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken);
}
