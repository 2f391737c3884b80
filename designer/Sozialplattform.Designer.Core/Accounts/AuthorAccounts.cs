using System.Text.Json;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Designer.Accounts;

/// <summary>
/// Local author logins in one file (<c>authors.json</c>), hashed with Storage's <see cref="PasswordHashing"/>. Authors
/// are not caseworkers: they belong to no authority and see no applications, so they are kept apart from Storage's
/// caseworker accounts.
/// </summary>
public sealed class AuthorAccounts(string file)
{
    public const int MinimumPasswordLength = 12;
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
    private readonly Lock _gate = new();

    public bool Any() => Read().Count > 0;

    public AuthorAccount Create(string login, string displayName, string password)
    {
        if (password.Length < MinimumPasswordLength)
            throw new ArgumentException($"The password for '{login}' is too short: at least {MinimumPasswordLength} characters.", nameof(password));
        if (login.Trim().Length == 0) throw new ArgumentException("The login must not be empty.", nameof(login));
        lock (_gate)
        {
            var accounts = Read();
            if (accounts.Any(a => a.Login == login)) throw new ArgumentException($"An author '{login}' already exists.", nameof(login));
            var account = new AuthorAccount(login, displayName, PasswordHashing.Hash(password));
            AtomicFile.Replace(file, JsonSerializer.SerializeToUtf8Bytes(accounts.Append(account).ToList(), Options));
            return account;
        }
    }

    /// <summary>The account if login and password match, else null (the same answer for an unknown login and a wrong password).</summary>
    public AuthorAccount? Verify(string login, string password)
    {
        var account = Read().FirstOrDefault(a => a.Login == login);
        return account is not null && PasswordHashing.Verify(password, account.PasswordHash) ? account : null;
    }

    private List<AuthorAccount> Read()
    {
        if (!File.Exists(file)) return [];
        return JsonSerializer.Deserialize<List<AuthorAccount>>(File.ReadAllBytes(file), Options) ?? [];
    }
}
