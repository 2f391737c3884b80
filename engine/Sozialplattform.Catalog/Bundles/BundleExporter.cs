using System.IO.Compression;
using System.Security.Cryptography;

namespace Sozialplattform.Catalog.Bundles;

/// <summary>
/// Writes forms with their sample answers and every block and code list they need (transitively) into a zip bundle with a
/// manifest, signed when a key is given (<see cref="BundleSigning"/>).
/// </summary>
public static class BundleExporter
{
    /// <summary>Zip timestamps are fixed so that the same content always gives the same bundle.</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="selectors"><c>form-id</c> (highest version) or <c>form-id@version</c>.</param>
    public static BundleManifest Export(CatalogRoot catalog, IEnumerable<string> selectors, Stream output, ECDsa? signWith = null)
    {
        var forms = selectors.Select(CatalogReference.ParseSelector).Select(s => catalog.ResolveForm(s.Id, s.Version)).Distinct().Order().ToList();
        if (forms.Count == 0) throw new CatalogException("Name at least one form to export.");

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var items = new Dictionary<BundleItemKind, List<BundleItem>> { [BundleItemKind.Form] = [], [BundleItemKind.Block] = [], [BundleItemKind.CodeList] = [], [BundleItemKind.Sample] = [] };
        var pending = new Queue<(BundleItemKind Kind, CatalogReference Reference, string RequiredBy)>(forms.Select(f => (BundleItemKind.Form, f, "command line")));
        var seen = new HashSet<(BundleItemKind, CatalogReference)>();

        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add((next.Kind, next.Reference))) continue;
            var path = BundlePaths.For(next.Kind, next.Reference);
            if (BundlePaths.Classify(path) is null)
                throw new CatalogException($"{next.Kind} '{next.Reference}' cannot be put into a bundle: its id or version has characters a bundle path does not allow.");
            var full = catalog.FullPath(path);
            if (!File.Exists(full))
                throw new CatalogException($"{next.Kind} {next.Reference} (needed by {next.RequiredBy}) is not in the catalog: {path} is missing.");

            var content = File.ReadAllBytes(full);
            files[path] = content;
            IReadOnlyList<string>? blocks = null, lists = null;
            if (next.Kind != BundleItemKind.CodeList)
            {
                var dependencies = Dependencies.Of(CatalogJson.Parse(content, path));
                blocks = dependencies.Blocks.Select(b => b.ToString()).ToList();
                lists = dependencies.CodeLists.Select(c => c.ToString()).ToList();
                foreach (var block in dependencies.Blocks) pending.Enqueue((BundleItemKind.Block, block, next.Reference.ToString()));
                foreach (var list in dependencies.CodeLists) pending.Enqueue((BundleItemKind.CodeList, list, next.Reference.ToString()));
            }
            items[next.Kind].Add(new BundleItem(next.Reference.Id, next.Reference.Version, path, ContentHash.Of(content), content.LongLength, blocks, lists));
        }

        foreach (var form in forms)
        foreach (var (path, content) in Samples(catalog, form))
        {
            files[path] = content;
            items[BundleItemKind.Sample].Add(new BundleItem(form.Id, form.Version, path, ContentHash.Of(content), content.LongLength));
        }

        var letters = new List<BundleItem>();
        var checklists = new List<BundleItem>();
        foreach (var form in forms)
        foreach (var (path, content, kind) in CaseWork(catalog, form))
        {
            files[path] = content;
            (kind == BundleItemKind.Letter ? letters : checklists).Add(new BundleItem(form.Id, form.Version, path, ContentHash.Of(content), content.LongLength));
        }

        var manifest = new BundleManifest(BundleManifest.FormatName, 1,
            Sorted(items[BundleItemKind.Form]), Sorted(items[BundleItemKind.Block]), Sorted(items[BundleItemKind.CodeList]), Sorted(items[BundleItemKind.Sample]),
            letters.Count == 0 ? null : Sorted(letters), checklists.Count == 0 ? null : Sorted(checklists));
        var manifestBytes = manifest.ToUtf8();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Write(zip, BundleManifest.FileName, manifestBytes);
        if (signWith is not null) Write(zip, BundleManifest.SignatureFileName, BundleSigning.Sign(manifestBytes, signWith));
        foreach (var (path, content) in files) Write(zip, path, content);
        return manifest;
    }

    /// <summary>The sample answers beside a form (<c>answers/*.json</c>), which the lint of the importing catalog asks for.</summary>
    private static IEnumerable<(string Path, byte[] Content)> Samples(CatalogRoot catalog, CatalogReference form)
    {
        var folder = catalog.FullPath($"forms/{form.Id}/{form.Version}/answers");
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var path = $"forms/{form.Id}/{form.Version}/answers/{Path.GetFileName(file)}";
            if (BundlePaths.Classify(path)?.Kind != BundleItemKind.Sample)
                throw new CatalogException($"Sample answers {path} cannot be put into a bundle: the file name has characters a bundle path does not allow (a-z, 0-9, '.', '-').");
            yield return (path, File.ReadAllBytes(file));
        }
    }

    /// <summary>The form's decision letter templates and its checklist, checked as the inbox reads them (a broken one is not exported).</summary>
    private static IEnumerable<(string Path, byte[] Content, BundleItemKind Kind)> CaseWork(CatalogRoot catalog, CatalogReference form)
    {
        var folder = $"forms/{form.Id}/{form.Version}";
        var letters = catalog.FullPath($"{folder}/{CaseWorkFiles.LettersFolder}");
        var found = Directory.Exists(letters)
            ? Directory.GetFiles(letters, "*" + CaseWorkFiles.LetterSuffix).Order(StringComparer.Ordinal).Select(f => ($"{folder}/{CaseWorkFiles.LettersFolder}/{Path.GetFileName(f)}", BundleItemKind.Letter)).ToList()
            : [];
        if (File.Exists(catalog.FullPath($"{folder}/{CaseWorkFiles.ChecklistFileName}"))) found.Add(($"{folder}/{CaseWorkFiles.ChecklistFileName}", BundleItemKind.Checklist));
        foreach (var (path, kind) in found)
        {
            if (BundlePaths.Classify(path)?.Kind != kind)
                throw new CatalogException($"{path} cannot be put into a bundle: the file name has characters a bundle path does not allow (a-z, 0-9, '-').");
            var content = File.ReadAllBytes(catalog.FullPath(path));
            var problems = BundleImporter.CaseWorkProblems(kind, path, content);
            if (problems.Count > 0) throw new CatalogException($"{path} cannot be exported:\n- " + string.Join("\n- ", problems));
            yield return (path, content, kind);
        }
    }

    private static List<BundleItem> Sorted(List<BundleItem> items) => items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
