namespace Sozialplattform.Centres.Accounts;

/// <summary>
/// A login of centre staff, scoped: to the centres listed in <see cref="CentreIds"/>, or — with a
/// <see cref="CarrierKey"/> — to every centre of that carrier (the carrier's admin). Passwords as PBKDF2 (the platform's hasher).
/// </summary>
public sealed class CentreAccountRow
{
    public Guid Id { get; set; }
    public required string Tenant { get; set; }
    public required string Login { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public string? CarrierKey { get; set; }

    /// <summary>The centres this account keeps (space-separated ids); empty for a carrier admin.</summary>
    public string CentreIds { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public IReadOnlySet<Guid> Centres() => CentreIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
}
