using Microsoft.Data.Sqlite;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Inbox;

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
        var exit = CliApp.Run([.. args, "--data", _data], output, error, RepositoryPaths.Root, new StringReader(stdin));
        return (exit, output.ToString(), error.ToString());
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
}
