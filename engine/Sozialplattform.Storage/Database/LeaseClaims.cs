namespace Sozialplattform.Storage.Database;

/// <summary>
/// The one statement that claims due rows of a work table (the outbox, the applicant notifications): pending rows
/// that are due, or claimed rows whose lease ran out (their worker died), marked as being delivered by this worker
/// with an attempt counted. On PostgreSQL the candidates are locked with FOR UPDATE SKIP LOCKED, so parallel
/// workers never claim the same row; SQLite serialises writers, so the statement is atomic there as it is.
/// Parameters: {0} worker, {1} lease end, {2} now, {3} batch size.
/// </summary>
internal static class LeaseClaims
{
    private const string Template = """
        UPDATE {table} SET "Status" = 'Delivering', "LockedBy" = {0}, "LockedUntil" = {1}, "Attempts" = "Attempts" + 1
        WHERE "Id" IN (
            SELECT "Id" FROM {table}
            WHERE ("Status" = 'Pending' AND "NextAttemptAt" <= {2}) OR ("Status" = 'Delivering' AND "LockedUntil" < {2})
            ORDER BY "NextAttemptAt"
            LIMIT {3}
            {lock})
        RETURNING "Id" AS "Value"
        """;

    public static string Sql(string table, StorageProvider provider) => Template
        .Replace("{table}", table, StringComparison.Ordinal)
        .Replace("{lock}", provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "", StringComparison.Ordinal);
}
