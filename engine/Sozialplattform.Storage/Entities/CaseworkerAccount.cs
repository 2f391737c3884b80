namespace Sozialplattform.Storage.Entities;

/// <summary>
/// A local login of the inbox: a caseworker or lead at one authority, or an operator of the whole tenant
/// (<see cref="CaseworkerRole.Operator"/>, whose <see cref="AuthorityId"/> is empty).
/// </summary>
public sealed class CaseworkerAccount
{
    public Guid Id { get; set; }
    public required string Login { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>PBKDF2 hash with salt and iteration count (see <c>PasswordHashing</c>); never the password.</summary>
    public required string PasswordHash { get; set; }

    public required string TenantId { get; set; }
    /// <summary>The authority whose inbox the account works on; <see cref="NoAuthority"/> (empty) for operators, who are bound to no authority.</summary>
    public required string AuthorityId { get; set; }
    public CaseworkerRole Role { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// A random value that every session carries; a new one ends all sessions of the account at once (logout, unlock).
    /// Empty for accounts made before it existed (their first logout gives them one).
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>The <see cref="AuthorityId"/> of an operator: no authority (no inbox item has it, so no submission query matches one).</summary>
    public const string NoAuthority = "";
}

public enum CaseworkerRole
{
    Caseworker,

    /// <summary>Team lead: everything a caseworker does, and reads a submission's audit trail.</summary>
    Lead,

    /// <summary>
    /// Platform operator of the tenant ("Betrieb"): sees the deliveries of every authority of the tenant that need
    /// attention and retries them — delivery metadata only; never submissions, lists, exports or deadlines.
    /// </summary>
    Operator,
}
