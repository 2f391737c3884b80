using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// synchronous=NORMAL is set per connection: in WAL mode (set once, it is stored in the file) it stays durable
/// across process crashes and saves an fsync per commit. Waiting for a busy database is done by
/// Microsoft.Data.Sqlite itself (it retries until the command timeout).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string WriteAheadLog = "PRAGMA journal_mode=WAL;";
    private const string PerConnection = "PRAGMA synchronous=NORMAL;";

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
