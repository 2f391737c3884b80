using System.Data.Common;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Storage.Crypto.Rotation;

/// <summary>How many values of one column are under each key id (<c>v1</c>: layout version 1, written before key ids).</summary>
public sealed record ColumnKeys(EncryptedColumn Column, IReadOnlyDictionary<string, long> ByKeyId);

/// <summary>What a rotation did to one column: values re-encrypted, and values a serving host changed while they were read (left to it).</summary>
public sealed record ColumnRotated(EncryptedColumn Column, long Reencrypted, long ChangedMeanwhile);

/// <summary>
/// Re-encrypts every registered column under the current data key while hosts keep serving: batch by batch, each value
/// read, decrypted with the key its header names, encrypted under the current key and written back only if the row still
/// holds the value read (<c>UPDATE … WHERE key AND column = old</c>) — so a host's concurrent write wins, a second
/// rotation running at the same time re-encrypts no value twice, and a rotation killed at any point resumes by running
/// again (it only looks at values not yet under the current key). Plain SQL on the platform's connection, the same on
/// SQLite and PostgreSQL; every area's tables are in that database.
/// </summary>
public sealed class DataKeyRotation(SozialDatabase database, IReadOnlyList<EncryptedColumn> columns)
{
    private const int PrefixLength = 1 + DataKey.IdSize;

    public async Task<IReadOnlyList<ColumnKeys>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<ColumnKeys>();
        foreach (var column in columns)
            result.Add(new ColumnKeys(column, column.Layout == CipherLayout.KeyRingXml ? await XmlStatusAsync(column, cancellationToken) : await BinaryStatusAsync(column, cancellationToken)));
        return result;
    }

    /// <summary>
    /// Refuses (changing nothing) when values are under a key id this host does not have; then re-encrypts column by
    /// column. <paramref name="progress"/> hears of each batch.
    /// </summary>
    public async Task<IReadOnlyList<ColumnRotated>> RotateAsync(int batchSize, Action<ColumnRotated>? progress = null, CancellationToken cancellationToken = default)
    {
        var missing = (await StatusAsync(cancellationToken))
            .SelectMany(s => s.ByKeyId.Keys.Where(id => id != "v1" && database.Protector.Ring.All.All(k => k.IdText != id)).Select(id => (id, s.Column.Name)))
            .GroupBy(m => m.id).ToList();
        if (missing.Count > 0)
            throw new StorageConfigurationException(string.Join(" ", missing.Select(m =>
                $"Values in {string.Join(", ", m.Select(c => c.Name))} are under the data key {m.Key}, which this host does not have: add it to " +
                "Sozialplattform:Storage:RetiredEncryptionKeys (or the key files) and run the rotation again. Nothing was changed.")));

        var done = new List<ColumnRotated>();
        foreach (var column in columns)
            done.Add(await RotateColumnAsync(column, batchSize, progress, cancellationToken));
        return done;
    }

    private async Task<ColumnRotated> RotateColumnAsync(EncryptedColumn column, int batchSize, Action<ColumnRotated>? progress, CancellationToken cancellationToken)
    {
        var (reencrypted, changed) = (0L, 0L);
        while (true)
        {
            var batch = await ReadBatchAsync(column, batchSize, cancellationToken);
            if (batch.Count == 0) break;
            var (written, lost) = (0, 0);
            using (await database.EnterWriteAsync(cancellationToken))
            await using (var context = database.CreateContext())
            {
                var connection = await OpenAsync(context, cancellationToken);
                foreach (var row in batch)
                {
                    var next = Reencrypt(column, row.Value, column.Owner(row.Owner));
                    if (await UpdateIfUnchangedAsync(context, connection, column, row, next, cancellationToken)) written++;
                    else lost++;
                }
            }

            (reencrypted, changed) = (reencrypted + written, changed + lost);
            progress?.Invoke(new ColumnRotated(column, reencrypted, changed));
            // Every value of the batch changed under our hands: a host still writing under an old key (its configuration
            // not yet rolled out) would keep this loop busy; stop and let status show what is left.
            if (written == 0) break;
        }

        return new ColumnRotated(column, reencrypted, changed);
    }

    private object Reencrypt(EncryptedColumn column, object value, Guid owner)
    {
        if (column.Layout == CipherLayout.Binary) return database.Protector.Reprotect((byte[])value, owner);
        var xml = XElement.Parse((string)value);
        foreach (var part in xml.DescendantsAndSelf(KeyRingEncryptor.Element))
            part.Value = Convert.ToBase64String(database.Protector.Reprotect(Convert.FromBase64String(part.Value), owner));
        return xml.ToString(SaveOptions.DisableFormatting);
    }

    private sealed record Row(object[] Key, object[] Owner, object Value);

    private async Task<List<Row>> ReadBatchAsync(EncryptedColumn column, int batchSize, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var connection = await OpenAsync(context, cancellationToken);
        await using var command = connection.CreateCommand();
        var selected = string.Join(", ", column.Key.Concat(column.OwnerColumns).Append(column.Column).Select(Quote));
        if (column.Layout == CipherLayout.Binary)
        {
            command.CommandText = $"SELECT {selected} FROM {Quote(column.Table)} WHERE {Quote(column.Column)} IS NOT NULL AND substr({Quote(column.Column)}, 1, {PrefixLength}) <> @prefix LIMIT {batchSize}";
            Add(command, "@prefix", database.Protector.CurrentPrefix);
        }
        else
        {
            command.CommandText = $"SELECT {selected} FROM {Quote(column.Table)}";
        }

        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (keys, owners) = (column.Key.Count, column.OwnerColumns.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = reader.GetValue(keys + owners);
            if (column.Layout == CipherLayout.KeyRingXml && PartsOf((string)value).All(p => database.Protector.IsUnderCurrentKey(p))) continue;
            rows.Add(new Row(
                [.. Enumerable.Range(0, keys).Select(reader.GetValue)],
                [.. Enumerable.Range(keys, owners).Select(reader.GetValue)],
                value));
            if (rows.Count == batchSize) break;
        }

        return rows;
    }

    /// <summary>Through EF's command pipeline (not the bare connection), so the host's interceptors see it like any other write.</summary>
    private static async Task<bool> UpdateIfUnchangedAsync(DbContext context, DbConnection connection, EncryptedColumn column, Row row, object next, CancellationToken cancellationToken)
    {
        await using var factory = connection.CreateCommand();
        var where = string.Join(" AND ", column.Key.Select((k, i) => $"{Quote(k)} = @k{i}"));
        var sql = $"UPDATE {Quote(column.Table)} SET {Quote(column.Column)} = @next WHERE {where} AND {Quote(column.Column)} = @old";
        object[] parameters = [Parameter(factory, "@next", next), Parameter(factory, "@old", row.Value), .. row.Key.Select((k, i) => Parameter(factory, $"@k{i}", k))];
        return await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken) == 1;
    }

    private async Task<Dictionary<string, long>> BinaryStatusAsync(EncryptedColumn column, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var connection = await OpenAsync(context, cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var (table, col) = (Quote(column.Table), Quote(column.Column));
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT substr({col}, 1, {PrefixLength}), count(*) FROM {table} WHERE {col} IS NOT NULL AND substr({col}, 1, 1) = @v GROUP BY substr({col}, 1, {PrefixLength})";
            Add(command, "@v", new[] { DataProtector.Version });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                counts[DataProtector.KeyIdOf((byte[])reader.GetValue(0))] = reader.GetInt64(1);
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT count(*) FROM {table} WHERE {col} IS NOT NULL AND substr({col}, 1, 1) = @v";
            Add(command, "@v", new[] { DataProtector.LegacyVersion });
            var legacy = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (legacy > 0) counts["v1"] = legacy;
        }

        return counts;
    }

    private async Task<Dictionary<string, long>> XmlStatusAsync(EncryptedColumn column, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var connection = await OpenAsync(context, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Quote(column.Column)} FROM {Quote(column.Table)}";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            foreach (var part in PartsOf(reader.GetString(0)))
                counts[DataProtector.KeyIdOf(part)] = counts.GetValueOrDefault(DataProtector.KeyIdOf(part)) + 1;
        return counts;
    }

    private static IEnumerable<byte[]> PartsOf(string xml) =>
        XElement.Parse(xml).DescendantsAndSelf(KeyRingEncryptor.Element).Select(p => Convert.FromBase64String(p.Value));

    private static async Task<DbConnection> OpenAsync(DbContext context, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static void Add(DbCommand command, string name, object value) => command.Parameters.Add(Parameter(command, name, value));

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    private static string Quote(string identifier) => $"\"{identifier}\"";
}
