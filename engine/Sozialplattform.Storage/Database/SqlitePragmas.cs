using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// Set on every connection of the platform's database, the platform's and every area's contexts alike.
/// synchronous=NORMAL: in WAL mode (set once, it is stored in the file) it stays durable across process crashes and
/// saves an fsync per commit. busy_timeout: a writer that finds the database busy waits inside SQLite, which retries
/// within milliseconds; without it Microsoft.Data.Sqlite retries the statement after <c>Thread.Sleep(150)</c>, so every
/// collision of two writers cost at least 150 ms — traced as the ~150 ms tail of live counselling delivery, where a
/// notice queued outside the writer gate collided with the next message (docs/BENCHMARKS.md, online counselling).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string WriteAheadLog = "PRAGMA journal_mode=WAL;";
    private const string PerConnection = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
