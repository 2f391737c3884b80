using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Catalog.Tests.Bundles;

/// <summary>A service's decision letter templates and checklist travel in its EfA bundle and are checked before they are written.</summary>
public sealed class BundleCaseWorkTests : IDisposable
{
    private const string Letter = "forms/haushalt/1.0.0/letters/bewilligung.de.scriban";
    private const string Checklist = "forms/haushalt/1.0.0/checklist.json";
    private static readonly CatalogRoot Samples = CatalogRoot.Open(Path.Combine(Repository.Root, "samples"));
    private readonly TemporaryCatalog _target = new();

    public void Dispose() => _target.Dispose();

    private static byte[] Bundle()
    {
        using var stream = new MemoryStream();
        BundleExporter.Export(Samples, ["haushalt@1.0.0"], stream);
        return stream.ToArray();
    }

    private BundleImportReport Import(byte[] bundle) => BundleImporter.Import(new MemoryStream(bundle), _target.Root, BundleTrust.Unsigned());

    /// <summary>The bundle with one entry's content replaced (or a new entry added) and the unsigned manifest listing it with its hash and size.</summary>
    private static byte[] With(byte[] bundle, string path, string content, BundleItemKind kind = BundleItemKind.Letter)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var archive = new ZipArchive(new MemoryStream(bundle)))
            foreach (var entry in archive.Entries)
            {
                using var data = new MemoryStream();
                entry.Open().CopyTo(data);
                entries[entry.FullName] = data.ToArray();
            }

        var bytes = Encoding.UTF8.GetBytes(content);
        entries[path] = bytes;
        var manifest = JsonNode.Parse(entries[BundleManifest.FileName])!.AsObject();
        var list = kind == BundleItemKind.Letter ? "letters" : "checklists";
        var items = manifest[list]!.AsArray();
        foreach (var old in items.Where(i => (string?)i!["path"] == path).ToList()) items.Remove(old);
        items.Add(new JsonObject { ["id"] = "haushalt", ["version"] = "1.0.0", ["path"] = path, ["sha256"] = ContentHash.Of(bytes), ["size"] = bytes.Length });
        entries[BundleManifest.FileName] = Encoding.UTF8.GetBytes(manifest.ToJsonString());

        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(data);
            }
        return output.ToArray();
    }

    [Fact]
    public void A_round_trip_brings_the_letter_templates_and_the_checklist_back_byte_for_byte()
    {
        var report = Import(Bundle());

        report.New.Where(i => i.Kind == BundleItemKind.Letter).Select(i => i.Path).Order(StringComparer.Ordinal)
            .ShouldBe(["forms/haushalt/1.0.0/letters/ablehnung.de.scriban", Letter]);
        report.New.ShouldContain(i => i.Kind == BundleItemKind.Checklist && i.Path == Checklist);
        foreach (var path in new[] { Letter, "forms/haushalt/1.0.0/letters/ablehnung.de.scriban", Checklist })
            File.ReadAllBytes(_target.Root.FullPath(path)).ShouldBe(File.ReadAllBytes(Samples.FullPath(path)));
        CaseWorkFiles.ReadChecklist(File.ReadAllBytes(_target.Root.FullPath(Checklist)), Checklist).Select(i => i.Id).ShouldBe(["identitaet", "einkommen", "bescheid"]);

        Import(Bundle()).Items.Where(i => i.Kind is BundleItemKind.Letter or BundleItemKind.Checklist).ShouldAllBe(i => i.Status == BundleImportStatus.Unchanged);
    }

    [Fact]
    public void The_manifest_lists_letters_and_the_checklist_with_their_hashes_and_a_bundle_without_them_stays_as_before()
    {
        using var stream = new MemoryStream(Bundle());
        using var archive = new ZipArchive(stream);
        using var reader = new StreamReader(archive.GetEntry(BundleManifest.FileName)!.Open());
        var manifest = BundleManifest.FromUtf8(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
        manifest.Letters!.Select(l => l.Path).ShouldBe(["forms/haushalt/1.0.0/letters/ablehnung.de.scriban", Letter]);
        manifest.Checklists!.ShouldHaveSingleItem().Sha256.ShouldBe(ContentHash.Of(File.ReadAllBytes(Samples.FullPath(Checklist))));

        using var other = new MemoryStream();
        var plain = BundleExporter.Export(Repository.Catalog, ["einstiegsgeld"], other);
        (plain.Letters, plain.Checklists).ShouldBe((null, null));
        Encoding.UTF8.GetString(plain.ToUtf8()).ShouldNotContain("letters");
    }

    [Fact]
    public void A_letter_template_that_does_not_parse_is_refused_with_file_line_and_column_and_nothing_is_written()
    {
        var bundle = With(Bundle(), Letter, "Bewilligung\n\nSehr geehrte Damen und Herren,\n{{ if answers[\"x\"] }}\nkein Ende");

        var error = Should.Throw<CatalogException>(() => Import(bundle));

        error.Message.ShouldStartWith("A letter template or checklist of the bundle is broken; nothing was imported:");
        error.Message.ShouldContain($"{Letter}(");
        error.Message.ShouldMatch(@"bewilligung\.de\.scriban\(\d+,\d+\): ");
        Directory.Exists(_target.Root.FullPath("forms/haushalt")).ShouldBeFalse();
    }

    [Fact]
    public void A_checklist_that_is_not_JSON_or_declares_a_bad_id_is_refused_naming_file_and_line_or_item()
    {
        var notJson = Should.Throw<CatalogException>(() => Import(With(Bundle(), Checklist, "{\n  \"items\": [\n    { \"id\": \"x\", }\n", BundleItemKind.Checklist)));
        notJson.Message.ShouldContain($"{Checklist}: not valid JSON (line 3");

        var badId = Should.Throw<CatalogException>(() => Import(With(Bundle(), Checklist, """{"items": [{"id": "ok", "label": "A"}, {"id": "<script>", "label": "B"}]}""", BundleItemKind.Checklist)));
        badId.Message.ShouldContain($"{Checklist}: items[1]: the item id '<script>' is not a-z, 0-9 and '-'");

        var twice = Should.Throw<CatalogException>(() => Import(With(Bundle(), Checklist, """{"items": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]}""", BundleItemKind.Checklist)));
        twice.Message.ShouldContain("items[1]: the item id 'a' is declared twice");
        Directory.Exists(_target.Root.FullPath("forms/haushalt")).ShouldBeFalse();
    }

    [Fact]
    public void A_letter_entry_whose_name_leaves_its_folder_or_is_no_template_is_refused_before_anything_is_read()
    {
        foreach (var name in new[] { "forms/haushalt/1.0.0/letters/../../../x.de.scriban", "forms/haushalt/1.0.0/letters/Brief.de.scriban", "forms/haushalt/1.0.0/letters/x.en.scriban", "forms/haushalt/1.0.0/letters/sub/x.de.scriban" })
            Should.Throw<CatalogException>(() => Import(With(Bundle(), name, "Betreff\n\nText"))).Message.ShouldContain($"a name that is not allowed: '{name}'");
        Directory.Exists(_target.Root.FullPath("forms/haushalt")).ShouldBeFalse();
    }
}
