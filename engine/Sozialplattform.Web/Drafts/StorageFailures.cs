using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Sozialplattform.Web.Drafts;

/// <summary>
/// Which storage errors mean "the storage cannot take writes right now" (disk full, read-only, I/O failure) rather
/// than a defect: the citizen is told that saving is not possible at the moment and that nothing is lost.
/// </summary>
public static class StorageFailures
{
    // SQLite result codes: https://sqlite.org/rescode.html
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    // ENOSPC (Linux) and ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL (Windows), as IOException.HResult carries them.
    private static readonly int[] DiskFullResults = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    public static bool IsUnavailable(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen:
                    return true;
                // PostgreSQL class 53 "insufficient resources" (53100 disk_full) and 25006 read_only_sql_transaction.
                case DbException db when db.SqlState is { } state && (state.StartsWith("53", StringComparison.Ordinal) || state == "25006"):
                    return true;
                case IOException io when DiskFullResults.Contains(io.HResult):
                    return true;
            }
        }

        return false;
    }
}
