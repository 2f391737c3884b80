using System.Security.Cryptography;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Geo;

/// <summary>Imports a postal-code CSV into the database, all or nothing; an unchanged file (same SHA-256) is skipped.</summary>
public sealed class GeoImporter(GeoStore store, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<GeoImportResult> ImportAsync(string csvPath, bool force = false, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(csvPath);
        if (!File.Exists(path)) return GeoImportResult.Failed($"{csvPath}: file not found");
        string hash;
        await using (var stream = File.OpenRead(path))
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        var current = await store.CurrentAsync(cancellationToken);
        if (!force && current?.Sha256 == hash) return new GeoImportResult(true, false, current.PostalCodes, current.Rows, [], [], "unchanged since the last import");

        var read = PostalCodeCsv.Read(path);
        if (read.Errors.Count > 0) return new GeoImportResult(false, false, 0, read.Rows, read.Errors, read.SkippedLines, "not imported; the stored postal-code data is unchanged");
        if (read.Areas.Count == 0) return GeoImportResult.Failed($"{csvPath}: no postal codes in the file");

        var postalCodes = read.Areas.Select(a => a.PostalCode).Distinct().Count();
        await store.ReplaceAsync(read.Areas, new GeoDataset
        {
            SourcePath = path, Sha256 = hash, PostalCodes = postalCodes, Rows = read.Rows, ImportedAt = _clock.GetUtcNow().UtcDateTime,
        }, cancellationToken);
        return new GeoImportResult(true, true, postalCodes, read.Rows, [], read.SkippedLines, "imported");
    }
}

public sealed record GeoImportResult(bool Success, bool Imported, int PostalCodes, int Rows, IReadOnlyList<string> Errors, IReadOnlyList<int> SkippedLines, string Summary)
{
    public static GeoImportResult Failed(string error) => new(false, false, 0, 0, [error], [], "not imported");
}
