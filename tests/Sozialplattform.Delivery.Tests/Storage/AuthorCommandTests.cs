using Microsoft.Data.Sqlite;
using Sozialplattform.Cli;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// <c>sozial author add</c> and <c>sozial author unlock</c> write the catalog's shared home — the platform database's
/// <c>designer_authors</c> — which every running host reads on each sign-in and request; a taken login, a weak password
/// and an unknown login are refused with a clear message and change nothing. The file <c>authors.json</c> only with
/// <c>--authors</c> (a designer without the platform database).
/// </summary>
public abstract class AuthorCommandTests : IDisposable
{
    protected const string Password = "ein-langes-Passwort-2026";
    protected readonly string Data = Directory.CreateTempSubdirectory("sozial-authors-").FullName;

    public virtual void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Data, recursive: true);
    }

    /// <summary>--data (and --postgres) naming this test's platform database.</summary>
    protected abstract string[] Database { get; }

    protected abstract Task<SozialDatabase> OpenAsync();

    protected (int Exit, string Out, string Error) Run(string password, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var command = args[1] == "add" ? (ICliCommand)new AuthorAddCommand(new StringReader(password + "\n")) : new AuthorUnlockCommand();
        var exit = command.Run(new CliContext(output, error, Data), [.. args.Skip(2), .. Database]);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<AuthorAccounts> AuthorsAsync() =>
        new(new DatabaseAuthorStore(new SharedCatalog(await OperationsDatabase.OpenAsync(await OpenAsync()))));

    [SkippableFact]
    public async Task An_author_added_on_the_command_line_is_a_row_of_the_shared_home_and_signs_in_with_the_password()
    {
        var (exit, output, error) = Run(Password, "author", "add", "autorin", "--name", "Erika Autorin");

        exit.ShouldBe(0, error);
        output.ShouldContain("author 'autorin' created in the platform database");
        var authors = await AuthorsAsync();
        authors.Verify("autorin", Password)!.DisplayName.ShouldBe("Erika Autorin");
        authors.Verify("autorin", "ein-anderes-Passwort").ShouldBeNull();
        authors.Find("autorin")!.PasswordHash.ShouldNotContain(Password);
        File.Exists(Path.Combine(Data, "data", "designer", "authors.json")).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task The_role_is_given_with_role_author_or_editor_Redaktion_by_default_and_an_unknown_role_is_a_usage_error()
    {
        Run(Password, "author", "add", "redaktion").Exit.ShouldBe(0);
        var (exit, output, error) = Run(Password, "author", "add", "autor", "--role", "author");
        exit.ShouldBe(0, error);
        output.ShouldContain("role author");

        Should.Throw<CliUsageException>(() => Run(Password, "author", "add", "chefin", "--role", "admin")).Message.ShouldBe("--role is 'author' or 'editor', not 'admin'");

        var authors = await AuthorsAsync();
        authors.Find("redaktion")!.Role.ShouldBe(AuthorRole.Editor);
        authors.Find("autor")!.Role.ShouldBe(AuthorRole.Author);
        authors.Find("chefin").ShouldBeNull();
    }

    [SkippableFact]
    public async Task A_taken_login_is_refused_and_the_existing_author_keeps_the_password()
    {
        Run(Password, "author", "add", "autorin").Exit.ShouldBe(0);

        var (exit, _, error) = Run("ein-zweites-Passwort-2026", "author", "add", "autorin", "--name", "Jemand anderes");

        exit.ShouldBe(1);
        error.Trim().ShouldBe("sozial author add: An author 'autorin' already exists.");
        var authors = await AuthorsAsync();
        authors.Verify("autorin", Password)!.DisplayName.ShouldBe("autorin");
        authors.Verify("autorin", "ein-zweites-Passwort-2026").ShouldBeNull();
    }

    [SkippableTheory]
    [InlineData("kurz", "too short: at least 12 characters")]
    [InlineData("", "too short: at least 12 characters")]
    public async Task A_weak_password_is_refused_and_no_author_is_stored(string password, string message)
    {
        var (exit, _, error) = Run(password, "author", "add", "autorin");

        exit.ShouldBe(1);
        error.ShouldContain(message);
        (await AuthorsAsync()).Find("autorin").ShouldBeNull();
    }

    [SkippableFact]
    public async Task A_hostile_login_is_stored_as_text_and_a_single_sign_on_login_is_refused()
    {
        Run(Password, "author", "add", "<script>alert(1)</script>").Exit.ShouldBe(0);
        var (exit, _, error) = Run(Password, "author", "add", "sso:idp:123");

        (await AuthorsAsync()).Find("<script>alert(1)</script>").ShouldNotBeNull();
        exit.ShouldBe(1);
        error.ShouldContain("kept for single sign-on authors");
        (await AuthorsAsync()).Find("sso:idp:123").ShouldBeNull();
    }

    [SkippableFact]
    public async Task Unlock_gives_the_author_a_new_security_stamp_in_the_shared_home_which_ends_every_session()
    {
        Run(Password, "author", "add", "autorin").Exit.ShouldBe(0);
        var before = (await AuthorsAsync()).Find("autorin")!.SecurityStamp;

        var (exit, output, error) = Run("", "author", "unlock", "autorin", "--by", "betrieb");

        exit.ShouldBe(0, error);
        output.Trim().ShouldBe("autorin: unlocked");
        var after = (await AuthorsAsync()).Find("autorin")!;
        after.SecurityStamp.ShouldNotBeNullOrEmpty();
        after.SecurityStamp.ShouldNotBe(before);
        (await AuthorsAsync()).Verify("autorin", Password).ShouldNotBeNull("unlock keeps the password");
    }

    [SkippableFact]
    public async Task Unlocking_an_unknown_login_is_refused_and_changes_no_author()
    {
        Run(Password, "author", "add", "autorin").Exit.ShouldBe(0);
        var stamp = (await AuthorsAsync()).Find("autorin")!.SecurityStamp;

        var (exit, _, error) = Run("", "author", "unlock", "niemand");

        exit.ShouldBe(1);
        error.Trim().ShouldStartWith("sozial author unlock: no author 'niemand' in the platform database");
        (await AuthorsAsync()).Find("autorin")!.SecurityStamp.ShouldBe(stamp);
    }
}

/// <summary>On the embedded SQLite database (<c>--data</c>), and the file of a designer without it (<c>--authors</c>).</summary>
public sealed class AuthorCommandSqliteTests : AuthorCommandTests
{
    protected override string[] Database => ["--data", "data"];

    protected override Task<SozialDatabase> OpenAsync() =>
        SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = Path.Combine(Data, "data") });

    [Fact]
    public void With_authors_the_command_writes_the_file_of_a_designer_without_the_platform_database()
    {
        var (exit, output, error) = Run(Password, "author", "add", "autorin", "--authors", "designer");

        exit.ShouldBe(0, error);
        output.ShouldContain(Path.Combine(Data, "designer", "authors.json"));
        new AuthorAccounts(Path.Combine(Data, "designer", "authors.json")).Verify("autorin", Password).ShouldNotBeNull();
    }

    [Fact]
    public void Authors_and_postgres_together_are_a_usage_error()
    {
        var error = new StringWriter();
        Should.Throw<CliUsageException>(() =>
            new AuthorAddCommand(new StringReader(Password + "\n")).Run(new CliContext(new StringWriter(), error, Data), ["autorin", "--authors", "x", "--postgres", "Host=nowhere"]));
    }
}

/// <summary>On PostgreSQL (<c>--postgres</c>), the database several hosts share.</summary>
public sealed class AuthorCommandPostgresTests(PostgresTarget postgres) : AuthorCommandTests, IClassFixture<PostgresTarget>
{
    private string? _database;

    protected override string[] Database => ["--postgres", Connection, "--data", "data"];

    protected override Task<SozialDatabase> OpenAsync() =>
        SozialDatabase.OpenAsync(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = Connection, DataDirectory = Path.Combine(Data, "data") });

    /// <summary>Each test its own database on the server (the fixture's name with a suffix), so the tests do not see each other's authors.</summary>
    private string Connection => _database ??= Create($"CREATE DATABASE \"{Name}\"");

    private string Name { get; } = $"sozial_authors_{Guid.NewGuid():N}";

    public override void Dispose()
    {
        if (_database is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            Create($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }

        base.Dispose();
    }

    private string Create(string sql)
    {
        PostgresTarget.RequireServer();
        using (var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("SOZIAL_TEST_POSTGRES")))
        {
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = Name }.ConnectionString;
    }
}
