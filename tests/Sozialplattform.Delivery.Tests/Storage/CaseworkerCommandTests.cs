using Microsoft.Data.Sqlite;
using Sozialplattform.Cli;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Delivery.Tests.Storage;

public sealed class CaseworkerCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("sozial-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(string stdin, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var arguments = args.Skip(2).Concat(["--data", _data]).ToList();
        args.Take(2).ShouldBe(["caseworker", "add"]);
        var exit = Run(new CaseworkerAddCommand(new StringReader(stdin)), new CliContext(output, error, RepositoryPaths.Root), arguments);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>As <see cref="CliApp.Run"/> runs a command: usage errors become exit code 2 with the message.</summary>
    private static int Run(ICliCommand command, CliContext context, IReadOnlyList<string> arguments)
    {
        try
        {
            return command.Run(context, arguments);
        }
        catch (CliUsageException usage)
        {
            context.Error.WriteLine($"sozial {command.Name}: {usage.Message}");
            return 2;
        }
    }

    [Fact]
    public void Caseworker_add_is_listed_and_explains_itself()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        CliApp.Run(["caseworker", "add", "--help"], output, error, RepositoryPaths.Root).ShouldBe(0);
        output.ToString().ShouldContain("never from the command line");
    }

    [Fact]
    public async Task Caseworker_add_reads_the_password_from_standard_input_and_creates_a_login_that_signs_in()
    {
        var (exit, output, error) = Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "anna", "--authority", "jobcenter-kreis-borken", "--name", "Anna Schmidt", "--lead");

        (exit, error).ShouldBe((0, ""));
        output.Trim().ShouldBe("anna: lead at nrw/jobcenter-kreis-borken");
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        var account = (await new CaseworkerAccounts(database).SignInAsync("anna", "Ein-langes-Passwort-2026")).Account.ShouldNotBeNull();
        (account.DisplayName, account.Role.ToString()).ShouldBe(("Anna Schmidt", "Lead"));
        account.PasswordHash.ShouldStartWith("pbkdf2-sha256$210000$");
    }

    [Fact]
    public void Caseworker_add_refuses_an_unknown_authority_a_short_password_and_a_password_option()
    {
        Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "anna", "--authority", "jobcenter-atlantis").ShouldSatisfyAllConditions(
            r => r.Exit.ShouldBe(1),
            r => r.Error.Trim().ShouldBe("sozial caseworker add: Authority 'jobcenter-atlantis' does not exist in tenant 'nrw'."));
        Run("kurz\n", "caseworker", "add", "anna", "--authority", "jobcenter-kreis-borken").Error.Trim()
            .ShouldBe("sozial caseworker add: The password for 'anna' is too short: at least 12 characters.");
        var withOption = Run("", "caseworker", "add", "anna", "--authority", "jobcenter-kreis-borken", "--password", "Ein-langes-Passwort-2026");
        withOption.Exit.ShouldBe(2);
        withOption.Error.ShouldStartWith("sozial caseworker add: unknown option --password");
    }

    [Fact]
    public async Task Caseworker_add_with_operator_creates_an_operator_of_the_whole_tenant_bound_to_no_authority()
    {
        var (exit, output, error) = Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "betrieb-nrw", "--operator", "--name", "Betrieb NRW");

        (exit, error).ShouldBe((0, ""));
        output.Trim().ShouldBe("betrieb-nrw: operator at nrw");
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        var account = (await new CaseworkerAccounts(database).SignInAsync("betrieb-nrw", "Ein-langes-Passwort-2026")).Account.ShouldNotBeNull();
        (account.Role, account.TenantId, account.AuthorityId).ShouldBe((CaseworkerRole.Operator, "nrw", CaseworkerAccount.NoAuthority));
        await using var context = database.CreateContext();
        context.AuditLog.Single(a => a.Action == "account.created").Details.ShouldBe("betrieb-nrw at nrw as Operator");
    }

    [Fact]
    public void Caseworker_add_with_operator_refuses_an_authority_the_lead_flag_and_an_unknown_tenant()
    {
        var withAuthority = Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "betrieb", "--operator", "--authority", "jobcenter-kreis-borken");
        (withAuthority.Exit, withAuthority.Error.Trim()).ShouldBe((2, "sozial caseworker add: --operator takes no --authority: an operator sees the deliveries of the whole tenant"));
        var withLead = Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "betrieb", "--operator", "--lead");
        (withLead.Exit, withLead.Error.Trim()).ShouldBe((2, "sozial caseworker add: --operator and --lead exclude each other"));
        var unknownTenant = Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "betrieb", "--operator", "--tenant", "atlantis");
        (unknownTenant.Exit, unknownTenant.Error.Trim()).ShouldBe((1, "sozial caseworker add: Tenant 'atlantis' does not exist (it has no authorities)."));
        var neither = Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "betrieb");
        (neither.Exit, neither.Error.Trim()).ShouldBe((2, "sozial caseworker add: --authority <id> is required (or --operator)"));
    }

    [Theory]
    [InlineData("caseworker", "inbox", "")]
    [InlineData("author", "designer", "designer.")]
    public async Task Reset_2fa_removes_the_second_factor_of_that_area_only_and_is_audited(string noun, string area, string auditPrefix)
    {
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        var factors = new SecondFactors(database, new LoginProtection(database));
        (await factors.EnrolmentAsync(LoginArea.Inbox, "anna", "Test")).ShouldNotBeNull();
        (await factors.EnrolmentAsync(LoginArea.Designer, "anna", "Test")).ShouldNotBeNull();

        var (output, error) = (new StringWriter(), new StringWriter());
        CliApp.Run([noun, "reset-2fa", "anna", "--by", "betrieb", "--data", _data], output, error, RepositoryPaths.Root).ShouldBe(0, error.ToString());
        output.ToString().Trim().ShouldBe("anna: second factor removed; the next login enrols a new one");
        CliApp.Run([noun, "reset-2fa", "anna", "--data", _data], output, error, RepositoryPaths.Root).ShouldBe(1);
        error.ToString().Trim().ShouldBe($"sozial {noun} reset-2fa: 'anna' has no second factor");

        var other = area == "inbox" ? LoginArea.Designer : LoginArea.Inbox;
        (await factors.StateAsync(other, "anna")).ShouldBe(SecondFactorState.Pending, "the other area's anna keeps hers");
        await using var context = database.CreateContext();
        context.AuditLog.Where(a => a.Action == auditPrefix + "totp.reset").Select(a => a.Actor + " " + a.Details).ToList().ShouldBe(["betrieb anna"]);
    }

    [Fact]
    public async Task Caseworker_unlock_ends_a_lockout_at_once_and_is_audited()
    {
        Run("Ein-langes-Passwort-2026\n", "caseworker", "add", "anna", "--authority", "jobcenter-kreis-borken").Exit.ShouldBe(0);
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        var accounts = new CaseworkerAccounts(database);
        for (var i = 0; i < 5; i++) await accounts.SignInAsync("anna", "falsch");
        (await accounts.SignInAsync("anna", "Ein-langes-Passwort-2026")).Result.ShouldBe(LoginResult.Throttled);

        var (output, error) = (new StringWriter(), new StringWriter());
        CliApp.Run(["caseworker", "unlock", "anna", "--by", "betrieb", "--data", _data], output, error, RepositoryPaths.Root).ShouldBe(0);
        output.ToString().Trim().ShouldBe("anna: unlocked");
        CliApp.Run(["caseworker", "unlock", "niemand", "--data", _data], output, error, RepositoryPaths.Root).ShouldBe(1);

        (await accounts.SignInAsync("anna", "Ein-langes-Passwort-2026")).Result.ShouldBe(LoginResult.SignedIn);
        await using var context = database.CreateContext();
        context.AuditLog.Where(a => a.Action == "account.unlocked").Select(a => a.Actor).ToList().ShouldBe(["betrieb"]);
    }

    [Fact]
    public async Task Author_unlock_ends_the_waits_and_the_sessions_of_a_designer_author_and_is_audited()
    {
        var authorsFolder = Path.Combine(_data, "designer");
        Directory.CreateDirectory(authorsFolder);
        var authors = new AuthorAccounts(Path.Combine(authorsFolder, "authors.json"));
        var stamp = authors.Create("anna", "Anna", "Ein-langes-Passwort-2026").SecurityStamp;
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        var logins = new LoginProtection(database);
        Task<LoginOutcome<AuthorAccount>> Attempt(string password) =>
            logins.SignInAsync(LoginArea.Designer, "anna", "10.0.0.1", _ => Task.FromResult(authors.Check("anna", password)));
        for (var i = 0; i < 5; i++) (await Attempt("falsch")).Result.ShouldBe(LoginResult.Refused);
        (await Attempt("Ein-langes-Passwort-2026")).Result.ShouldBe(LoginResult.Throttled);

        var (output, error) = (new StringWriter(), new StringWriter());
        CliApp.Run(["author", "unlock", "anna", "--by", "betrieb", "--data", _data, "--authors", authorsFolder], output, error, RepositoryPaths.Root).ShouldBe(0, error.ToString());
        output.ToString().Trim().ShouldBe("anna: unlocked");
        CliApp.Run(["author", "unlock", "niemand", "--data", _data, "--authors", authorsFolder], output, error, RepositoryPaths.Root).ShouldBe(1);

        (await Attempt("Ein-langes-Passwort-2026")).Result.ShouldBe(LoginResult.SignedIn);
        authors.Find("anna")!.SecurityStamp.ShouldNotBe(stamp);
        await using var context = database.CreateContext();
        context.AuditLog.Where(a => a.Action == "designer.account.unlocked").Select(a => a.Actor).ToList().ShouldBe(["betrieb"]);
    }
}
