using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Delivery.Routing;

/// <summary>
/// A kind of destination the citizen chooses instead of one the tenant's <c>routing.json</c> assigns — e.g. a counselling
/// centre picked in the Beratungsstellenfinder (kind <c>centre</c>). The area that owns such destinations registers one
/// resolver (<c>services.AddSingleton&lt;IDestinationResolver, …&gt;()</c>); the router and the outbox dispatcher ask it.
/// </summary>
public interface IDestinationResolver
{
    /// <summary>The prefix of the destination key, e.g. <c>centre</c> in <c>centre:3f2c…</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// The destination as an authority-shaped value (name, address, contact e-mail, channel and its options; never stored
    /// in the authorities table), or why it cannot receive anything (unknown, not published, another tenant, no address).
    /// </summary>
    Task<DestinationLookup> ResolveAsync(string tenantId, string id, CancellationToken cancellationToken);
}

/// <summary>The answer of a resolver: the destination, or the refusal in English for logs and dead letters.</summary>
public sealed record DestinationLookup(Authority? Destination, DestinationRefusal? Refusal)
{
    public static DestinationLookup Found(Authority destination) => new(destination, null);

    public static DestinationLookup Refused(string code, string message) => new(null, new DestinationRefusal(code, message));
}

/// <summary>Why a chosen destination is refused: a code the portal turns into text (<c>unknown</c>, <c>inactive</c>, <c>noAddress</c>) and the English detail.</summary>
public sealed record DestinationRefusal(string Code, string Message);

/// <summary>
/// The registry of <see cref="IDestinationResolver"/>s. A key is <c>kind:id</c>; an outbox entry keeps the key as its
/// <see cref="OutboxEntry.AuthorityId"/>, so delivery finds the destination again the same way (with its current address).
/// </summary>
public sealed class ChosenDestinations(IEnumerable<IDestinationResolver> resolvers)
{
    private readonly Dictionary<string, IDestinationResolver> _byKind = resolvers.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    public static ChosenDestinations None { get; } = new([]);

    public static string Key(string kind, string id) => $"{kind}:{id}";

    /// <summary>True when the key names a registered kind (an authority id of <c>routing.json</c> never does).</summary>
    public bool IsChosen(string key) => Split(key) is { } split && _byKind.ContainsKey(split.Kind);

    public async Task<DestinationLookup> ResolveAsync(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        if (Split(key) is not { } split || !_byKind.TryGetValue(split.Kind, out var resolver))
            return DestinationLookup.Refused("unknown", $"'{key}' names no kind of destination this host knows");
        var found = await resolver.ResolveAsync(tenantId, split.Id, cancellationToken);
        return found.Destination is { } destination ? DestinationLookup.Found(WithKey(destination, key)) : found;
    }

    private static (string Kind, string Id)? Split(string key) =>
        key.IndexOf(':') is var at and > 0 && at < key.Length - 1 ? (key[..at], key[(at + 1)..]) : null;

    /// <summary>The outbox entry keeps the key, whatever id the resolver used.</summary>
    private static Authority WithKey(Authority destination, string key) => new()
    {
        TenantId = destination.TenantId, Id = key, Name = destination.Name, Role = destination.Role, Address = destination.Address,
        ContactEmail = destination.ContactEmail, ContactPhone = destination.ContactPhone, ChannelType = destination.ChannelType,
        ChannelOptionsJson = destination.ChannelOptionsJson,
    };
}
