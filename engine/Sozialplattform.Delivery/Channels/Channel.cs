using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels;

/// <summary>Base for channels with typed options: turns the JSON options into <typeparamref name="TOptions"/> once per call.</summary>
public abstract class Channel<TOptions> : IChannel where TOptions : class, new()
{
    internal static readonly JsonSerializerOptions OptionsJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public abstract string Type { get; }

    public IReadOnlyList<string> Validate(JsonObject options)
    {
        var (typed, error) = Read(options);
        return typed is null ? [error!] : Validate(typed);
    }

    public async ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken)
    {
        var (options, error) = Read(package.ChannelOptions);
        if (options is null) return DeliveryResult.Failed($"{Type} options of authority '{package.Authority.Id}': {error}", retryable: false);
        var problems = Validate(options);
        if (problems.Count > 0) return DeliveryResult.Failed($"{Type} options of authority '{package.Authority.Id}': {string.Join("; ", problems)}", retryable: false);
        return await DeliverAsync(package, options, cancellationToken);
    }

    protected abstract IReadOnlyList<string> Validate(TOptions options);

    /// <summary>For a follow-up: the options read and checked as for a delivery, then <paramref name="deliver"/> with them.</summary>
    protected async ValueTask<DeliveryResult> WithOptionsAsync(FollowUpPackage package, Func<TOptions, ValueTask<DeliveryResult>> deliver)
    {
        var (options, error) = Read(package.ChannelOptions);
        if (options is null) return DeliveryResult.Failed($"{Type} options of authority '{package.Authority.Id}': {error}", retryable: false);
        var problems = Validate(options);
        if (problems.Count > 0) return DeliveryResult.Failed($"{Type} options of authority '{package.Authority.Id}': {string.Join("; ", problems)}", retryable: false);
        return await deliver(options);
    }

    protected abstract ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, TOptions options, CancellationToken cancellationToken);

    private static (TOptions? Options, string? Error) Read(JsonObject options)
    {
        try
        {
            return (options.Deserialize<TOptions>(OptionsJson) ?? new TOptions(), null);
        }
        catch (JsonException e)
        {
            return (null, e.Path is { Length: > 1 } ? $"option '{e.Path.TrimStart('$', '.')}': {FirstSentence(e.Message)}" : FirstSentence(e.Message));
        }
    }

    private static string FirstSentence(string message) => message.Split(". Path:")[0].Split(" Path:")[0];
}
