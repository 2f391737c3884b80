using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Designer.Accounts;

/// <summary>
/// Local author logins (in the platform database, or one file <c>authors.json</c>: <see cref="IAuthorStore"/>), checked with Storage's <see cref="PasswordHasher"/> (the same
/// work for unknown logins). Authors are not caseworkers: they belong to no authority and see no applications, so they
/// are kept apart from Storage's caseworker accounts; their login attempts go through the platform's <c>LoginProtection</c>.
/// </summary>
public sealed class AuthorAccounts(IAuthorStore store, PasswordHasher? passwords = null)
{
    public const int MinimumPasswordLength = 12;
    private readonly Lock _gate = new();
    private readonly PasswordHasher _passwords = passwords ?? new PasswordHasher();

    /// <summary>Accounts in one file (<c>authors.json</c>).</summary>
    public AuthorAccounts(string file, PasswordHasher? passwords = null)
        : this(new FileAuthorStore(file), passwords)
    {
    }

    public bool Any() => store.All().Count > 0;

    public AuthorAccount Create(string login, string displayName, string password, AuthorRole role = AuthorRole.Editor)
    {
        if (password.Length < MinimumPasswordLength)
            throw new ArgumentException($"The password for '{login}' is too short: at least {MinimumPasswordLength} characters.", nameof(password));
        if (login.Trim().Length == 0) throw new ArgumentException("The login must not be empty.", nameof(login));
        if (SingleSignOnLogins.IsSingleSignOn(login)) throw new ArgumentException($"'{login}' starts with '{SingleSignOnLogins.Prefix}', which is kept for single sign-on authors.", nameof(login));
        var account = new AuthorAccount(login, displayName, _passwords.Hash(password), SecretHashing.NewSecret(), role);
        return store.TryAdd(account) ? account : throw new ArgumentException($"An author '{login}' already exists.", nameof(login));
    }

    /// <summary>
    /// An author who signed in through the authority's provider (<see cref="SingleSignOnLogins.For"/>): made at the first
    /// login, without a password; the display name follows the provider's.
    /// </summary>
    public AuthorAccount SignInSingleSignOn(string login, string displayName)
    {
        if (!SingleSignOnLogins.IsSingleSignOn(login)) throw new ArgumentException($"'{login}' is not a single sign-on login.", nameof(login));
        lock (_gate)
        {
            var account = store.Find(login);
            if (account is not null && account.DisplayName == displayName) return account;
            if (account is not null) return store.Update(account with { DisplayName = displayName }) ? account with { DisplayName = displayName } : account;
            var created = new AuthorAccount(login, displayName, SingleSignOnLogins.NoPassword, SecretHashing.NewSecret());
            return store.TryAdd(created) ? created : store.Find(login)!;
        }
    }

    public AuthorAccount? Find(string login) => store.Find(login);

    /// <summary>The logins with the Redaktion role (review and publish).</summary>
    public IReadOnlyList<string> Editors() => [.. store.All().Where(a => a.Role == AuthorRole.Editor).Select(a => a.Login)];

    /// <summary>Gives an existing author another role; false for an unknown login.</summary>
    public bool SetRole(string login, AuthorRole role) => store.Find(login) is { } account && store.Update(account with { Role = role });

    /// <summary>Ends every session of the author (a new security stamp); false for an unknown login.</summary>
    public bool RenewStamp(string login)
    {
        return store.Find(login) is { } account && store.Update(account with { SecurityStamp = SecretHashing.NewSecret() });
    }

    /// <summary>The account if login and password match, else null (the same answer for an unknown login and a wrong password).</summary>
    public AuthorAccount? Verify(string login, string password) => Check(login, password).Account;

    /// <summary>The password check for the login protection: the account if it matches, and whether the login exists (the hash runs either way).</summary>
    public LoginCheck<AuthorAccount> Check(string login, string password)
    {
        var account = Find(login);
        return new LoginCheck<AuthorAccount>(_passwords.Matches(password, account?.PasswordHash) ? account : null, account is not null);
    }
}
