namespace Sozialplattform.Storage.Logins;

/// <summary>
/// The staff accounts that single sign-on makes (inbox and designer): their login is <c>sso:&lt;provider&gt;:&lt;subject&gt;</c>,
/// a name no password login may take, and they have no password (<see cref="NoPassword"/> matches none), so the only
/// way into them is the provider's login.
/// </summary>
public static class SingleSignOnLogins
{
    public const string Prefix = "sso:";

    /// <summary>A stored password hash no password matches (not a hash the platform writes).</summary>
    public const string NoPassword = "!single-sign-on";

    /// <summary>The account's login for the provider's subject, or null when the subject cannot be one (empty, spaces, longer than a login).</summary>
    public static string? For(string provider, string? subject)
    {
        if (string.IsNullOrEmpty(subject) || subject.Any(char.IsWhiteSpace) || subject.Any(char.IsControl)) return null;
        var login = $"{Prefix}{provider}:{subject}";
        return login.Length <= 100 ? login : null;
    }

    public static bool IsSingleSignOn(string login) => login.StartsWith(Prefix, StringComparison.Ordinal);
}
