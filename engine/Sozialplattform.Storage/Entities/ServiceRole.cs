namespace Sozialplattform.Storage.Entities;

/// <summary>Which kind of authority (role, e.g. "jobcenter") handles a service (form id or LeiKa key) in a tenant.</summary>
public sealed class ServiceRole
{
    public required string TenantId { get; set; }
    public required string Service { get; set; }
    public required string Role { get; set; }
}
