using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// Every connection to the SQLite file — the platform's contexts and every area's (here: operations, built like the
/// centres', appointments' and counselling's by <c>AreaContexts</c>) — waits inside SQLite when another writer holds the
/// database (busy_timeout) instead of Microsoft.Data.Sqlite's retry after 150 ms, and commits without an fsync each.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-pragmas-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_platforms_and_the_areas_connections_wait_inside_sqlite_for_a_busy_database_and_commit_in_normal_sync_mode()
    {
        var platform = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder });
        var operations = await OperationsDatabase.OpenAsync(platform);

        await using (var context = platform.CreateContext()) (await SettingsOf(context)).ShouldBe((30_000L, 1L));
        await using (var context = operations.CreateContext()) (await SettingsOf(context)).ShouldBe((30_000L, 1L));
    }

    private static async Task<(long BusyTimeout, long Synchronous)> SettingsOf(DbContext context)
    {
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await command.ExecuteScalarAsync())!;
        return (busyTimeout, synchronous);
    }
}
