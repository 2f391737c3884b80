using System.Text.Json;
using Sozialplattform.Catalog;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Accounts;

/// <summary>Where author accounts are kept: one file (<see cref="FileAuthorStore"/>) or the platform database (<see cref="DatabaseAuthorStore"/>).</summary>
public interface IAuthorStore
{
    IReadOnlyList<AuthorAccount> All();

    AuthorAccount? Find(string login);

    /// <summary>Adds the account; false when its login exists.</summary>
    bool TryAdd(AuthorAccount account);

    /// <summary>Replaces an existing account's name, security stamp and role; false for an unknown login.</summary>
    bool Update(AuthorAccount account);
}

/// <summary><c>authors.json</c>: the accounts of one host without the platform database, and what the CLI writes for a host to take over.</summary>
public sealed class FileAuthorStore(string file) : IAuthorStore
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
    private readonly Lock _gate = new();

    public string File => file;

    public IReadOnlyList<AuthorAccount> All()
    {
        if (!System.IO.File.Exists(file)) return [];
        return JsonSerializer.Deserialize<List<AuthorAccount>>(System.IO.File.ReadAllBytes(file), Options) ?? [];
    }

    public AuthorAccount? Find(string login) => All().FirstOrDefault(a => a.Login == login);

    public bool TryAdd(AuthorAccount account)
    {
        lock (_gate)
        {
            var accounts = All();
            if (accounts.Any(a => a.Login == account.Login)) return false;
            Write(accounts.Append(account));
            return true;
        }
    }

    public bool Update(AuthorAccount account)
    {
        lock (_gate)
        {
            var accounts = All();
            if (!accounts.Any(a => a.Login == account.Login)) return false;
            Write(accounts.Select(a => a.Login == account.Login ? a with { DisplayName = account.DisplayName, SecurityStamp = account.SecurityStamp, Role = account.Role } : a));
            return true;
        }
    }

    private void Write(IEnumerable<AuthorAccount> accounts) => AtomicFile.Replace(file, JsonSerializer.SerializeToUtf8Bytes(accounts.ToList(), Options));
}

/// <summary>Author accounts as rows of the platform database (<see cref="SharedCatalog"/>): an account made on one host signs in on every host.</summary>
public sealed class DatabaseAuthorStore(SharedCatalog catalog) : IAuthorStore
{
    public IReadOnlyList<AuthorAccount> All() => catalog.Authors().Select(Account).ToList();

    public AuthorAccount? Find(string login) => catalog.Author(login) is { } row ? Account(row) : null;

    public bool TryAdd(AuthorAccount account) => catalog.TryAddAuthor(Row(account));

    public bool Update(AuthorAccount account) => catalog.UpdateAuthor(Row(account));

    private static AuthorAccount Account(DesignerAuthorRow row) => new(row.Login, row.DisplayName, row.PasswordHash, row.SecurityStamp, AuthorRoles.Parse(row.Role) ?? AuthorRole.Editor);

    private static DesignerAuthorRow Row(AuthorAccount account) =>
        new() { Login = account.Login, DisplayName = account.DisplayName, PasswordHash = account.PasswordHash, SecurityStamp = account.SecurityStamp, Role = account.Role.Name() };
}
