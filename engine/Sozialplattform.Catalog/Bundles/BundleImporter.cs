using System.IO.Compression;
using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Catalog.Bundles;

/// <summary>
/// Imports a bundle into a catalog. Everything is checked before anything is written: entry names, sizes, the
/// signature against the operator's trusted keys (<see cref="BundleTrust"/>), hashes against the manifest, ids and versions against the paths, dependencies, that no existing
/// id@version would change, and that the engine loads every new form without errors (the check of
/// <c>sozial validate</c>, so a form with a non-deterministic or polluting rule is refused here). Then the new files are written; if writing fails, the files written so far are
/// removed again, so the catalog is never left half-imported.
/// </summary>
public static class BundleImporter
{
    public const int MaxEntries = 2000;
    public const long MaxEntryBytes = 5 * 1024 * 1024;
    public const long MaxTotalBytes = 100 * 1024 * 1024;

    public static BundleImportReport Import(Stream bundle, CatalogRoot catalog, BundleTrust trust, bool dryRun = false)
    {
        var (manifestBytes, signature, files) = Read(bundle);
        var signedBy = trust.Verify(manifestBytes, signature);
        var manifest = BundleManifest.FromUtf8(manifestBytes);
        Verify(manifest, files);
        var items = Compare(manifest, files, catalog);
        CheckDependencies(manifest, catalog);
        CheckNewForms(items, files, catalog);
        CheckCaseWork(manifest, files);
        if (!dryRun) WriteAll(items.Where(i => i.Status == BundleImportStatus.New).ToList(), files, catalog);
        return new BundleImportReport(items, signedBy, dryRun);
    }

    private static (byte[] Manifest, byte[]? Signature, Dictionary<string, byte[]> Files) Read(Stream bundle)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(bundle, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new CatalogException($"The bundle is not a valid zip archive ({e.Message}).");
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxEntries) throw new CatalogException($"The bundle has {zip.Entries.Count} entries; at most {MaxEntries} are allowed.");
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            byte[]? manifest = null, signature = null;
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                if (name.EndsWith('/') && IsFolderOfBundle(name)) continue;
                var isManifest = name == BundleManifest.FileName;
                var isSignature = name == BundleManifest.SignatureFileName;
                if (!isManifest && !isSignature && BundlePaths.Classify(name) is null)
                    throw new CatalogException($"The bundle contains an entry with a name that is not allowed: '{name}'. A bundle holds only manifest.json, manifest.json.sig, forms/<id>/<version>/form.json, forms/<id>/<version>/answers/<name>.json, forms/<id>/<version>/letters/<name>.de.scriban, forms/<id>/<version>/checklist.json, blocks/<id>/<version>.json and codelists/<id>/<version>.json.");
                var content = ReadLimited(entry);
                total += content.LongLength;
                if (total > MaxTotalBytes) throw new CatalogException($"The bundle unpacks to more than {MaxTotalBytes / (1024 * 1024)} MB.");
                if (isManifest) manifest = content;
                else if (isSignature) signature = content;
                else files[name] = content;
            }
            if (manifest is null) throw new CatalogException($"The bundle has no {BundleManifest.FileName}.");
            return (manifest, signature, files);
        }
    }

    private static bool IsFolderOfBundle(string name) =>
        name is "forms/" or "blocks/" or "codelists/" ||
        (!name.Contains("..", StringComparison.Ordinal) && !name.Contains('\\') && (name.StartsWith("forms/", StringComparison.Ordinal) || name.StartsWith("blocks/", StringComparison.Ordinal) || name.StartsWith("codelists/", StringComparison.Ordinal)));

    private static byte[] ReadLimited(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxEntryBytes) throw new CatalogException($"Bundle entry '{entry.FullName}' is larger than {MaxEntryBytes / (1024 * 1024)} MB.");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = stream.Read(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxEntryBytes) throw new CatalogException($"Bundle entry '{entry.FullName}' unpacks to more than {MaxEntryBytes / (1024 * 1024)} MB.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new CatalogException($"Bundle entry '{entry.FullName}' is damaged ({e.Message}).");
        }
        return buffer.ToArray();
    }

    private static void Verify(BundleManifest manifest, Dictionary<string, byte[]> files)
    {
        var problems = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, item) in manifest.All())
        {
            if (!IsPathOf(kind, item))
            {
                problems.Add(BundlePaths.BesideForm(kind)
                    ? $"manifest lists {kind} of {item.Reference} at '{item.Path}', which is not a {kind} path of forms/{item.Id}/{item.Version}/"
                    : $"manifest lists {kind} {item.Reference} at '{item.Path}', expected '{BundlePaths.For(kind, item.Reference)}'");
                continue;
            }
            listed.Add(item.Path);
            if (!files.TryGetValue(item.Path, out var content))
            {
                problems.Add($"{item.Path} is listed in the manifest but missing from the bundle");
                continue;
            }
            var hash = ContentHash.Of(content);
            if (hash != item.Sha256 || content.LongLength != item.Size)
            {
                problems.Add($"{item.Path}: content hash {hash} does not match the manifest ({item.Sha256}) – the file was changed or damaged");
                continue;
            }
            if (BundlePaths.BesideForm(kind)) continue;
            var json = CatalogJson.Parse(content, item.Path);
            if (CatalogJson.String(json, "id") != item.Id || CatalogJson.String(json, "version") != item.Version)
                problems.Add($"{item.Path}: the file says {CatalogJson.String(json, "id")}@{CatalogJson.String(json, "version")}, the path says {item.Reference}");
        }
        foreach (var extra in files.Keys.Where(f => !listed.Contains(f)).Order(StringComparer.Ordinal))
            problems.Add($"{extra} is in the bundle but not in the manifest");
        if (problems.Count > 0) throw new CatalogException("The bundle failed verification; nothing was imported:\n- " + string.Join("\n- ", problems));
    }

    private static bool IsPathOf(BundleItemKind kind, BundleItem item) =>
        BundlePaths.Classify(item.Path) is { } classified && classified.Kind == kind && classified.Reference == item.Reference &&
        (BundlePaths.BesideForm(kind) || item.Path == BundlePaths.For(kind, item.Reference));

    private static List<BundleImportItem> Compare(BundleManifest manifest, Dictionary<string, byte[]> files, CatalogRoot catalog)
    {
        var items = new List<BundleImportItem>();
        var conflicts = new List<string>();
        foreach (var (kind, item) in manifest.All())
        {
            var target = BundlePaths.InsideCatalog(catalog, item.Path);
            if (!File.Exists(target))
            {
                items.Add(new BundleImportItem(kind, item.Reference, item.Path, BundleImportStatus.New));
                continue;
            }
            var existing = File.ReadAllBytes(target);
            if (existing.AsSpan().SequenceEqual(files[item.Path]))
            {
                items.Add(new BundleImportItem(kind, item.Reference, item.Path, BundleImportStatus.Unchanged));
                continue;
            }
            var status = StatusOf(existing) ?? "existing";
            conflicts.Add($"{kind} {item.Reference} is already in the catalog ({status}) with different content " +
                          $"(catalog sha256 {ContentHash.Of(existing)}, bundle sha256 {item.Sha256}). A published version never changes: publish the change as a new version.");
        }
        if (conflicts.Count > 0) throw new CatalogException("Refusing to overwrite; nothing was imported:\n- " + string.Join("\n- ", conflicts));
        return items;
    }

    private static string? StatusOf(byte[] content)
    {
        try
        {
            return JsonNode.Parse(content) is JsonObject o ? CatalogJson.String(o, "status") : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void CheckDependencies(BundleManifest manifest, CatalogRoot catalog)
    {
        var inBundle = manifest.All().Select(a => (a.Kind, a.Item.Reference)).ToHashSet();
        var missing = new List<string>();
        foreach (var (kind, item) in manifest.All())
        {
            foreach (var block in (item.Blocks ?? []).Select(CatalogReference.Parse))
                if (!inBundle.Contains((BundleItemKind.Block, block)) && !File.Exists(catalog.FullPath(CatalogRoot.BlockPath(block))))
                    missing.Add($"{kind} {item.Reference} needs block {block}, which is neither in the bundle nor in the catalog");
            foreach (var list in (item.CodeLists ?? []).Select(CatalogReference.Parse))
                if (!inBundle.Contains((BundleItemKind.CodeList, list)) && !File.Exists(catalog.FullPath(CatalogRoot.CodeListPath(list))))
                    missing.Add($"{kind} {item.Reference} needs code list {list}, which is neither in the bundle nor in the catalog");
        }
        if (missing.Count > 0) throw new CatalogException("The bundle is incomplete; nothing was imported:\n- " + string.Join("\n- ", missing));
    }

    /// <summary>
    /// Loads every new form as <c>sozial validate</c> would, with the bundle's blocks and code lists laid over the
    /// catalog's (in a temporary folder, removed afterwards); any error refuses the whole bundle.
    /// </summary>
    private static void CheckNewForms(IReadOnlyList<BundleImportItem> items, Dictionary<string, byte[]> files, CatalogRoot catalog)
    {
        var forms = items.Where(i => i.Status == BundleImportStatus.New && i.Kind == BundleItemKind.Form).ToList();
        if (forms.Count == 0) return;
        var staging = Directory.CreateTempSubdirectory("sozial-import-");
        try
        {
            foreach (var (path, content) in files.Where(f => BundlePaths.Classify(f.Key)?.Kind is BundleItemKind.Block or BundleItemKind.CodeList))
            {
                var target = Path.Combine(staging.FullName, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
            }

            var layered = new CatalogDirectory(staging.FullName, new CatalogDirectory(catalog.Directory));
            var problems = forms
                .SelectMany(form => FormEngine.LoadText(System.Text.Encoding.UTF8.GetString(files[form.Path]), form.Path, layered).Errors)
                .Select(problem => problem.ToString())
                .ToList();
            if (problems.Count > 0) throw new CatalogException("A form of the bundle does not pass `sozial validate`; nothing was imported:\n- " + string.Join("\n- ", problems));
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    /// <summary>Every letter template parses and every checklist reads as the inbox would read it; a broken one refuses the bundle, named with file and line.</summary>
    private static void CheckCaseWork(BundleManifest manifest, Dictionary<string, byte[]> files)
    {
        var problems = manifest.All().Where(a => a.Kind is BundleItemKind.Letter or BundleItemKind.Checklist)
            .SelectMany(a => CaseWorkProblems(a.Kind, a.Item.Path, files[a.Item.Path])).ToList();
        if (problems.Count > 0) throw new CatalogException("A letter template or checklist of the bundle is broken; nothing was imported:\n- " + string.Join("\n- ", problems));
    }

    internal static IReadOnlyList<string> CaseWorkProblems(BundleItemKind kind, string path, byte[] content)
    {
        if (kind == BundleItemKind.Letter)
        {
            try
            {
                return CaseWorkFiles.CheckLetter(new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content), path);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return [$"{path}: not UTF-8 text"];
            }
        }

        return CaseWorkFiles.ParseChecklist(content).Problems.Select(p => p.English(path)).ToList();
    }

    private static void WriteAll(IReadOnlyList<BundleImportItem> items, Dictionary<string, byte[]> files, CatalogRoot catalog)
    {
        var written = new List<string>();
        string? temporary = null;
        try
        {
            foreach (var item in items)
            {
                var target = BundlePaths.InsideCatalog(catalog, item.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                temporary = target + ".import-" + Guid.NewGuid().ToString("N");
                File.WriteAllBytes(temporary, files[item.Path]);
                File.Move(temporary, target, overwrite: false);
                written.Add(target);
                temporary = null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (temporary is not null && File.Exists(temporary)) File.Delete(temporary);
            foreach (var file in written) File.Delete(file);
            throw new CatalogException($"Writing the imported files failed ({e.Message}); the files written so far were removed again.");
        }
    }
}
