namespace Sozialplattform.Centres.Accounts;

/// <summary>
/// A login of centre staff (<see cref="CentreRole.Staff"/>), scoped: to the centres listed in <see cref="CentreIds"/>, or — with a
/// <see cref="CarrierKey"/> — to every centre of that carrier (the carrier's admin). Passwords as PBKDF2 (the platform's hasher).
/// A login of the platform's editorial team (<see cref="CentreRole.Editor"/>) keeps no centre: it reviews the changes of all.
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

    public CentreRole Role { get; set; }

    /// <summary>Where the account holder is told when the editorial team resets its second factor (optional).</summary>
    public string? Email { get; set; }

    /// <summary>Carried by every session and renewed at logout: a cookie copied before the logout opens nothing afterwards.</summary>
    public string SecurityStamp { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Who did a step, as the change history and the audit log name it: <c>centre-account:&lt;login&gt;</c> or <c>editor:&lt;login&gt;</c>.</summary>
    public string Actor() => $"{(Role == CentreRole.Editor ? "editor" : "centre-account")}:{Login}";

    public IReadOnlySet<Guid> Centres() => CentreIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet();
}

public enum CentreRole
{
    /// <summary>Keeps the record of its centres: edits, submits for review, confirms.</summary>
    Staff,

    /// <summary>The platform's editorial team: publishes or rejects the changes in review; changes no record itself.</summary>
    Editor,
}
