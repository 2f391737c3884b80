namespace Sozialplattform.Storage.Entities;

/// <summary>A responsible authority of a tenant, loaded from <c>authorities.json</c>.</summary>
public sealed class Authority
{
    public required string TenantId { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }

    /// <summary>Postal address, one line per entry, separated by newlines.</summary>
    public required string Address { get; set; }

    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public required string ChannelType { get; set; }

    /// <summary>The channel's options as JSON; typed and checked by the channel.</summary>
    public required string ChannelOptionsJson { get; set; }

    /// <summary>How the authority's generated file numbers look (<c>fileNumberFormat</c>, see <c>FileNumbers</c>); null: the platform's default.</summary>
    public string? FileNumberFormat { get; set; }
}
