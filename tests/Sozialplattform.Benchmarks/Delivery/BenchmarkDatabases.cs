using Npgsql;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Benchmarks.Delivery;

/// <summary>A fresh database per benchmark run: a SQLite file in a temporary folder, or a new PostgreSQL database on SOZIAL_TEST_POSTGRES.</summary>
internal static class BenchmarkDatabases
{
    public static async Task<(SozialDatabase Database, Func<Task> Cleanup)> CreateAsync(StorageProvider provider)
    {
        var key = Convert.ToBase64String(new byte[32]);
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("sozial-bench-").FullName;
            var sqlite = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = folder, EncryptionKey = key });
            return (sqlite, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable("SOZIAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL benchmarks need SOZIAL_TEST_POSTGRES (run '. .ci/postgres.sh').");
        var name = $"sozial_bench_{Guid.NewGuid():N}";
        await Execute(server, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var postgres = await SozialDatabase.OpenAsync(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection, EncryptionKey = key });
        return (postgres, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
