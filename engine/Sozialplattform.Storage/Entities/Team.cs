namespace Sozialplattform.Storage.Entities;

/// <summary>A team of an authority (e.g. "Leistung U25"): cases can be assigned to it, its members filter "mein Team". Kept by the authority's leads.</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A caseworker or lead who belongs to a <see cref="Team"/> of their authority.</summary>
public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public Guid AccountId { get; set; }
}
