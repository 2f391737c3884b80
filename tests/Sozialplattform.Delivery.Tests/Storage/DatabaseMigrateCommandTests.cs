using Microsoft.Data.Sqlite;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// <c>sozial database migrate</c> brings every schema of a fresh database to this build's version and names each one's
/// newest migration; run again it changes nothing and says the same; stray arguments are refused before anything is opened.
/// </summary>
public sealed class DatabaseMigrateCommandTests : IDisposable
{
    private static readonly string[] Schemas = ["platform", "operations", "centres", "appointments", "counselling"];
    private readonly string _data = Directory.CreateTempSubdirectory("sozial-migrate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run(args, output, error, RepositoryPaths.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_fresh_database_gets_every_schema_and_a_second_run_changes_nothing()
    {
        var first = Run("database", "migrate", "--data", _data);
        var second = Run("database", "migrate", "--data", _data);

        first.Exit.ShouldBe(0, first.Error);
        var lines = first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Select(l => l.Split(' ')[0]).ShouldBe([.. Schemas, "every"]);
        lines.Take(Schemas.Length).ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"current: \d{14}_\w+$"));
        lines[^1].ShouldBe("every schema is current (Sqlite)");
        second.ShouldBe((0, first.Out, ""));
        HistoryTables().ShouldBe(["__EFMigrationsHistory", "__appointments_migrations", "__centres_migrations", "__counselling_migrations", "__operations_migrations"]);
    }

    [Fact]
    public void Stray_arguments_are_refused_and_nothing_is_created()
    {
        var (exit, _, error) = Run("database", "migrate", "everything", "--data", _data);

        exit.ShouldBe(2);
        error.ShouldContain("everything");
        File.Exists(Path.Combine(_data, "sozialplattform.db")).ShouldBeFalse();
    }

    [Fact]
    public void The_command_explains_itself()
    {
        var (exit, output, _) = Run("database", "migrate", "--help");

        exit.ShouldBe(0);
        output.ShouldContain("Usage: sozial database migrate [--data <dir>] [--postgres <conn>]");
        output.ShouldContain("Exit codes");
    }

    private List<string> HistoryTables()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "sozialplattform.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names.Where(n => n.EndsWith("History", StringComparison.Ordinal) || n.EndsWith("_migrations", StringComparison.Ordinal)).ToList();
    }
}

/// <summary>The same on PostgreSQL, as the Kubernetes migration Job runs it (a scratch data folder, the connection string).</summary>
public sealed class DatabaseMigrateCommandPostgresTests(PostgresTarget postgres) : IClassFixture<PostgresTarget>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("sozial-migrate-job-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [SkippableFact]
    public void A_fresh_PostgreSQL_database_gets_every_schema()
    {
        PostgresTarget.RequireServer();
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = CliApp.Run(["database", "migrate", "--postgres", postgres.ConnectionString, "--data", _scratch], output, error, RepositoryPaths.Root);

        exit.ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("counselling   current: ");
        output.ToString().TrimEnd().ShouldEndWith("every schema is current (Postgres)");
    }
}
