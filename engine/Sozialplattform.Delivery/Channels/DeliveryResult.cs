namespace Sozialplattform.Delivery.Channels;

/// <summary>The outcome of one delivery attempt, as data.</summary>
public sealed record DeliveryResult(bool Success, string? Receipt, string? Error, bool Retryable)
{
    /// <summary>Delivered; <paramref name="receipt"/> is what the receiver answered (shown to operators).</summary>
    public static DeliveryResult Delivered(string? receipt = null) => new(true, receipt, null, false);

    /// <summary>Not delivered. <paramref name="retryable"/> false (e.g. wrong configuration) sends the entry to the dead letters at once.</summary>
    public static DeliveryResult Failed(string error, bool retryable = true) => new(false, null, error, retryable);
}
