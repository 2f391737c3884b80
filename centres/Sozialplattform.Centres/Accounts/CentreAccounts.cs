using Microsoft.EntityFrameworkCore;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Centres.Accounts;

public enum AccountProblem
{
    None,
    LoginTaken,
    PasswordTooShort,
    NoScope,
    CentreUnknown,
    CarrierUnknown,
    Malformed,
}

/// <summary>
/// A login to create: staff scoped to centres (by external id) or to a carrier (its admin), or an editorial login.
/// The CLI (<c>sozial centre-account add</c>) and the editorial team's page both describe one and give it to <see cref="CentreAccounts.AddAsync"/>.
/// </summary>
public sealed record NewCentreAccount(string Login, string DisplayName, string Password, CentreRole Role = CentreRole.Staff,
    string? CarrierKey = null, IReadOnlyList<string>? CentreExternalIds = null, string? Email = null);

/// <summary>The created account, or every reason why not (as data: field, code, arguments — <see cref="CentreError"/>, turned into text at the edge).</summary>
public sealed record AccountCreation(CentreAccountRow? Account, IReadOnlyList<CentreError> Errors)
{
    /// <summary>The first reason as the older one-problem answer.</summary>
    public AccountProblem Problem => Errors.Count == 0 ? AccountProblem.None : Errors[0].Code switch
    {
        "loginTaken" => AccountProblem.LoginTaken,
        "passwordTooShort" => AccountProblem.PasswordTooShort,
        "scopeMissing" => AccountProblem.NoScope,
        "centreUnknown" => AccountProblem.CentreUnknown,
        "carrierUnknown" => AccountProblem.CarrierUnknown,
        _ => AccountProblem.Malformed,
    };
}

/// <summary>An account with the names of the centres it keeps, for the editorial team's list.</summary>
public sealed record AccountListing(CentreAccountRow Account, IReadOnlyList<string> CentreNames);

/// <summary>
/// Creates, finds and checks centre staff and editorial accounts. <see cref="AddAsync"/> is the one way an account is
/// made — by the CLI and by the editorial team's page — so both follow the same rules and both are audited
/// (<c>centres.account.created</c> in the platform's audit log).
/// </summary>
public sealed class CentreAccounts(CentresDatabase database, TimeProvider? clock = null, LoginProtection? audit = null)
{
    public const int MinimumPasswordLength = 12;
    public const int LoginLength = 200, EmailLength = CentreCheck.FieldLength, MaximumPasswordLength = 1000;
    private readonly PasswordHasher _hasher = new();
    private readonly LoginProtection _audit = audit ?? new LoginProtection(database.Platform, clock);

    /// <summary>
    /// Checks <paramref name="request"/> completely (every problem at once) and creates the account in <paramref name="tenant"/>:
    /// a free login without spaces, a password of at least <see cref="MinimumPasswordLength"/> characters, a well-formed e-mail
    /// address (optional), and for staff exactly one scope — centres of this tenant named by external id, or a carrier
    /// that has centres in this tenant. An editorial login keeps no centre. <paramref name="actor"/> is who asked (audit log).
    /// </summary>
    public async Task<AccountCreation> AddAsync(string tenant, NewCentreAccount request, string actor, CancellationToken cancellationToken = default)
    {
        var login = request.Login.Trim();
        var name = request.DisplayName.Trim() is { Length: > 0 } given ? given : login;
        var email = request.Email?.Trim() is { Length: > 0 } address ? address : null;
        var carrier = request.CarrierKey?.Trim() is { Length: > 0 } key ? key : null;
        var centres = (request.CentreExternalIds ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var errors = new List<CentreError>();
        if (login.Length == 0) errors.Add(new("login", "required"));
        else if (login.Length > LoginLength) errors.Add(new("login", "tooLong", $"{LoginLength}"));
        else if (login.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) errors.Add(new("login", "loginMalformed", login));
        if (name.Length > LoginLength) errors.Add(new("displayName", "tooLong", $"{LoginLength}"));
        else if (name.Any(char.IsControl)) errors.Add(new("displayName", "controlCharacters"));
        if (request.Password.Length < MinimumPasswordLength) errors.Add(new("password", "passwordTooShort", $"{MinimumPasswordLength}"));
        else if (request.Password.Length > MaximumPasswordLength) errors.Add(new("password", "tooLong", $"{MaximumPasswordLength}"));
        if (email is not null && !CentreCheck.IsEmail(email)) errors.Add(new("email", "emailMalformed", email));
        if (request.Role == CentreRole.Staff && carrier is null && centres.Count == 0) errors.Add(new("scope", "scopeMissing"));
        if ((request.Role == CentreRole.Staff && carrier is not null && centres.Count > 0) || (request.Role == CentreRole.Editor && (carrier is not null || centres.Count > 0)))
            errors.Add(new("scope", "scopeTwice"));

        await using var context = database.CreateContext();
        if (login.Length > 0 && await context.Accounts.AnyAsync(a => a.Tenant == tenant && a.Login == login, cancellationToken)) errors.Add(new("login", "loginTaken", login));
        var known = await context.Centres.Where(c => c.Tenant == tenant && c.ExternalId != null && centres.Contains(c.ExternalId))
            .Select(c => new { c.Id, c.ExternalId }).ToListAsync(cancellationToken);
        if (centres.Except(known.Select(c => c.ExternalId!)).ToList() is { Count: > 0 } unknown) errors.Add(new("centres", "centreUnknown", string.Join(", ", unknown)));
        if (carrier is not null && !await context.Centres.AnyAsync(c => c.Tenant == tenant && c.CarrierKey == carrier, cancellationToken)) errors.Add(new("carrier", "carrierUnknown", carrier));
        if (errors.Count > 0) return new(null, errors);

        var account = new CentreAccountRow
        {
            Id = Guid.NewGuid(), Tenant = tenant, Login = login, DisplayName = name, PasswordHash = _hasher.Hash(request.Password), Role = request.Role, Email = email,
            CarrierKey = request.Role == CentreRole.Editor ? null : carrier, CentreIds = string.Join(' ', known.Select(c => c.Id)),
            SecurityStamp = NewStamp(), CreatedAt = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
        };
        context.Accounts.Add(account);
        try
        {
            using (await database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the login between the check and the insert (the unique index holds).
            if (await TakenAsync(tenant, login, cancellationToken)) return new(null, [new("login", "loginTaken", login)]);
            throw;
        }

        await AuditAsync("account.created", actor, $"{login} ({Scope(account)})", cancellationToken);
        return new(account, []);
    }

    /// <param name="centreExternalIds">The centres a staff account keeps; or none with <paramref name="carrierKey"/> for a carrier's admin; none for an editor.</param>
    public async Task<(CentreAccountRow? Account, AccountProblem Problem)> CreateAsync(string tenant, string login, string displayName, string password,
        string? carrierKey, IReadOnlyList<string> centreExternalIds, CancellationToken cancellationToken = default, CentreRole role = CentreRole.Staff)
    {
        var created = await AddAsync(tenant, new NewCentreAccount(login, displayName, password, role, carrierKey, centreExternalIds), "setup", cancellationToken);
        return (created.Account, created.Problem);
    }

    /// <summary>The account when login and password match (for the shared LoginProtection's check), else null.</summary>
    public async Task<CentreAccountRow?> CheckAsync(string tenant, string login, string password, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var account = await context.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Tenant == tenant && a.Login == login, cancellationToken);
        return _hasher.Matches(password, account?.PasswordHash) && account is not null ? account : null;
    }

    public async Task<CentreAccountRow?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>The staff accounts that keep the centre (<see cref="CentreSelfService.MayKeep"/>), carrier admins included, by login.</summary>
    public async Task<IReadOnlyList<CentreAccountRow>> KeepersAsync(CentreRow centre, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var accounts = await context.Accounts.AsNoTracking().Where(a => a.Tenant == centre.Tenant && a.Role == CentreRole.Staff).ToListAsync(cancellationToken);
        return [.. accounts.Where(a => CentreSelfService.MayKeep(a, centre)).OrderBy(a => a.Login, StringComparer.Ordinal)];
    }

    /// <summary>Every account of the tenant by login, each with the names of the centres it keeps by name.</summary>
    public async Task<IReadOnlyList<AccountListing>> ListAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var accounts = await context.Accounts.AsNoTracking().Where(a => a.Tenant == tenant).OrderBy(a => a.Login).ToListAsync(cancellationToken);
        var ids = accounts.SelectMany(a => a.Centres()).Distinct().ToList();
        var names = await context.Centres.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return accounts.Select(a => new AccountListing(a, a.Centres().Select(id => names.GetValueOrDefault(id, "–")).Order(StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>Ends every session of the account (its sessions carry the old stamp).</summary>
    public async Task RenewStampAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await context.Accounts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, NewStamp()), cancellationToken);
    }

    /// <summary>An entry in the platform's audit log, in the centres' login area (<c>centres.&lt;action&gt;</c>).</summary>
    public Task AuditAsync(string action, string actor, string? details, CancellationToken cancellationToken = default) =>
        _audit.AuditAsync(LoginArea.Centres, action, actor, details, cancellationToken);

    private static string Scope(CentreAccountRow account) =>
        account.Role == CentreRole.Editor ? "editor" : account.CarrierKey is { } carrier ? $"carrier {carrier}" : $"centres {account.CentreIds}";

    private async Task<bool> TakenAsync(string tenant, string login, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Accounts.AnyAsync(a => a.Tenant == tenant && a.Login == login, cancellationToken);
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
