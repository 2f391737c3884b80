namespace Sozialplattform.Storage.Entities;

/// <summary>A local login of a caseworker; one role at one authority.</summary>
public sealed class CaseworkerAccount
{
    public Guid Id { get; set; }
    public required string Login { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>PBKDF2 hash with salt and iteration count (see <c>PasswordHashing</c>); never the password.</summary>
    public required string PasswordHash { get; set; }

    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }
    public CaseworkerRole Role { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Wrong passwords since the last successful login; reaching the limit locks the account for a while.</summary>
    public int FailedLogins { get; set; }

    /// <summary>No login is accepted before this time (UTC), not even with the right password.</summary>
    public DateTime? LockedUntil { get; set; }
}

public enum CaseworkerRole
{
    Caseworker,

    /// <summary>Team lead: everything a caseworker does, and reads a submission's audit trail.</summary>
    Lead,
}
