namespace Sozialplattform.Storage.Entities;

/// <summary>
/// "For this role (or this one service) in this area, this authority is responsible", from <c>routing.json</c>.
/// The area is an ARS/AGS prefix (a 5-digit Kreisschlüssel is one) or a postal-code range.
/// </summary>
public sealed class RoutingAssignment
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public string? Role { get; set; }
    public string? Service { get; set; }
    public string? ArsPrefix { get; set; }
    public string? PostalCodeFrom { get; set; }
    public string? PostalCodeTo { get; set; }
    public required string AuthorityId { get; set; }
}
