using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per test class on the server named by SOZIAL_TEST_POSTGRES (see .ci/postgres.sh);
/// each test empties its tables. Without the variable the tests skip locally and fail on CI (CI=true).
/// </summary>
public sealed class PostgresTarget : DatabaseTarget, IAsyncLifetime
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("SOZIAL_TEST_POSTGRES");
    private readonly string _name = $"sozial_test_{Guid.NewGuid():N}";
    private bool _created;
    private bool _migrated;

    public override StorageProvider Provider => StorageProvider.Postgres;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name, IncludeErrorDetail = true }.ConnectionString;

    public static void RequireServer()
    {
        if (!string.IsNullOrWhiteSpace(Server)) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("CI=true but SOZIAL_TEST_POSTGRES is not set: .ci/run must start PostgreSQL (. .ci/postgres.sh) before the tests.");
        throw new SkipException("PostgreSQL tests need SOZIAL_TEST_POSTGRES (run '. .ci/postgres.sh' from the repository root to start a local server and set it).");
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
        _created = true;
    }

    public override async Task<SozialDatabase> FreshAsync(params IInterceptor[] interceptors)
    {
        RequireServer();
        var database = await SozialDatabase.OpenAsync(new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = ConnectionString,
            EncryptionKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
        }, default, interceptors);
        if (_migrated)
        {
            await using var context = database.CreateContext();
            var tables = context.Model.GetEntityTypes().Select(t => $"\"{t.GetTableName()}\"").Distinct();
            var truncate = "TRUNCATE " + string.Join(", ", tables) + " RESTART IDENTITY";
            await context.Database.ExecuteSqlRawAsync(truncate);
        }

        _migrated = true;
        return database;
    }

    public async Task DisposeAsync()
    {
        if (!_created) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
