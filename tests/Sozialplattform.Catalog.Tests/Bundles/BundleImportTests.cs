using System.IO.Compression;
using System.Text;
using Sozialplattform.Catalog.Bundles;
using Sozialplattform.Tests.Isolation;

namespace Sozialplattform.Catalog.Tests.Bundles;

public sealed class BundleImportTests : IDisposable
{
    private readonly TemporaryCatalog _target = new();

    public void Dispose() => _target.Dispose();

    private static byte[] Bundle(params string[] forms)
    {
        using var stream = new MemoryStream();
        BundleExporter.Export(Repository.Catalog, forms, stream);
        return stream.ToArray();
    }

    private BundleImportReport Import(byte[] bundle, bool dryRun = false) =>
        BundleImporter.Import(new MemoryStream(bundle), _target.Root, BundleTrust.Unsigned(), dryRun);

    /// <summary>Rewrites a bundle: <paramref name="change"/> gets every entry (name, content) and returns the entries to write.</summary>
    private static byte[] Rewrite(byte[] bundle, Func<IReadOnlyList<(string Name, byte[] Content)>, IEnumerable<(string Name, byte[] Content)>> change)
    {
        var entries = new List<(string, byte[])>();
        using (var archive = new ZipArchive(new MemoryStream(bundle)))
            foreach (var entry in archive.Entries)
            {
                using var content = new MemoryStream();
                entry.Open().CopyTo(content);
                entries.Add((entry.FullName, content.ToArray()));
            }
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in change(entries))
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        return output.ToArray();
    }

    private static byte[] Replace(byte[] content, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace(from, to));

    [Fact]
    public void Importing_into_an_empty_catalog_adds_every_file_unchanged_and_reports_it_as_new()
    {
        var report = Import(Bundle("einstiegsgeld"));

        report.Items.ShouldAllBe(i => i.Status == BundleImportStatus.New);
        report.New.Count().ShouldBe(12);
        report.New.Count(i => i.Kind == BundleItemKind.Sample).ShouldBe(3);
        foreach (var item in report.Items)
            File.ReadAllBytes(_target.Root.FullPath(item.Path)).ShouldBe(File.ReadAllBytes(Repository.Catalog.FullPath(item.Path)));
    }

    [Fact]
    public void Importing_the_same_bundle_again_reports_everything_as_unchanged()
    {
        Import(Bundle("einstiegsgeld"));

        var again = Import(Bundle("einstiegsgeld"));

        again.Items.ShouldAllBe(i => i.Status == BundleImportStatus.Unchanged);
    }

    [Fact]
    public void A_second_bundle_adds_only_what_is_new()
    {
        Import(Bundle("einstiegsgeld"));

        var report = Import(Bundle("freie-foerderung"));

        report.New.Select(i => i.Reference.ToString()).Distinct().ShouldBe(["freie-foerderung@1.0.2"]);
        report.New.Select(i => i.Kind).Distinct().Order().ShouldBe([BundleItemKind.Form, BundleItemKind.Sample]);
        report.Unchanged.Count().ShouldBe(8);
    }

    [Fact]
    public void A_dry_run_reports_but_writes_nothing()
    {
        var report = Import(Bundle("einstiegsgeld"), dryRun: true);

        report.New.Count().ShouldBe(12);
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    [Fact]
    public void A_file_whose_content_does_not_match_its_hash_is_refused_and_nothing_is_written()
    {
        var tampered = Rewrite(Bundle("einstiegsgeld"), entries => entries.Select(e =>
            e.Name == "forms/einstiegsgeld/1.0.2/form.json" ? (e.Name, Replace(e.Content, "Einstiegsgeld", "Ausstiegsgeld")) : e));

        var error = Should.Throw<CatalogException>(() => Import(tampered));

        error.Message.ShouldContain("forms/einstiegsgeld/1.0.2/form.json: content hash");
        error.Message.ShouldContain("nothing was imported");
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    [Fact]
    public void A_published_version_with_different_content_is_not_overwritten()
    {
        _target.CopyFromServices("forms/schuldnerberatung");
        var local = _target.Read("forms/schuldnerberatung/1.1.0/form.json").Replace("Schuldnerberatung", "Schuldenberatung");
        _target.Write("forms/schuldnerberatung/1.1.0/form.json", local);

        var error = Should.Throw<CatalogException>(() => Import(Bundle("schuldnerberatung")));

        error.Message.ShouldContain("Refusing to overwrite");
        error.Message.ShouldContain("schuldnerberatung@1.1.0 is already in the catalog (published) with different content");
        error.Message.ShouldContain("new version");
        _target.Read("forms/schuldnerberatung/1.1.0/form.json").ShouldBe(local);
    }

    [Fact]
    public void A_conflict_in_one_item_stops_the_whole_import()
    {
        _target.Write("blocks/person/1.0.1.json", "{\"id\": \"person\", \"version\": \"1.0.1\", \"title\": \"lokal geändert\", \"items\": []}");

        Should.Throw<CatalogException>(() => Import(Bundle("einstiegsgeld"))).Message.ShouldContain("block person@1.0.1");

        _target.Files().ShouldBe(["blocks/person/1.0.1.json", CatalogRoot.MarkerFile]);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_archive_is_a_clear_error()
    {
        Should.Throw<CatalogException>(() => Import(Encoding.UTF8.GetBytes("this is not a zip file")))
            .Message.ShouldContain("not a valid zip archive");
    }

    [Fact]
    public void A_truncated_zip_archive_is_a_clear_error()
    {
        var bundle = Bundle("einstiegsgeld");

        Should.Throw<CatalogException>(() => Import(bundle[..(bundle.Length / 2)]));
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("../forms/evil/1.0.0/form.json")]
    [InlineData("/etc/passwd")]
    [InlineData("forms/../../x.json")]
    [InlineData("forms\\..\\..\\x.json")]
    [InlineData("tenants/nrw/branding.json")]
    public void An_entry_name_outside_the_bundle_layout_is_refused(string name)
    {
        var evil = Rewrite(Bundle("schuldnerberatung"), entries => entries.Append((name, Encoding.UTF8.GetBytes("{}"))));

        Should.Throw<CatalogException>(() => Import(evil)).Message.ShouldContain($"'{name}'");
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
        File.Exists(Path.GetFullPath(Path.Combine(_target.Folder, "..", "..", "x"))).ShouldBeFalse();
    }

    [Fact]
    public void A_file_that_the_manifest_does_not_list_is_refused()
    {
        var extra = Rewrite(Bundle("schuldnerberatung"), entries => entries.Append(("blocks/person/1.0.0.json", Encoding.UTF8.GetBytes("{}"))));

        Should.Throw<CatalogException>(() => Import(extra)).Message.ShouldContain("blocks/person/1.0.0.json is in the bundle but not in the manifest");
    }

    [Fact]
    public void A_bundle_without_a_manifest_is_refused()
    {
        var bare = Rewrite(Bundle("schuldnerberatung"), entries => entries.Where(e => e.Name != BundleManifest.FileName));

        Should.Throw<CatalogException>(() => Import(bare)).Message.ShouldContain("no manifest.json");
    }

    [Fact]
    public void A_file_whose_id_differs_from_its_path_is_refused()
    {
        var renamed = Rewrite(Bundle("schuldnerberatung"), entries => RenameForm(entries, "schuldnerberatung", "suchtberatung"));

        Should.Throw<CatalogException>(() => Import(renamed)).Message.ShouldContain("the file says schuldnerberatung@1.1.0, the path says suchtberatung@1.1.0");
    }

    private static IEnumerable<(string Name, byte[] Content)> RenameForm(IReadOnlyList<(string Name, byte[] Content)> entries, string from, string to) =>
        entries.Select(e => e.Name == BundleManifest.FileName
            ? (e.Name, Replace(e.Content, $"\"id\": \"{from}\"", $"\"id\": \"{to}\"").Pipe(c => Replace(c, $"forms/{from}/", $"forms/{to}/")))
            : e.Name.StartsWith($"forms/{from}/", StringComparison.Ordinal) ? (e.Name.Replace($"forms/{from}/", $"forms/{to}/"), e.Content) : e);

    [Fact]
    public void A_bundle_whose_blocks_are_neither_in_it_nor_in_the_catalog_is_refused()
    {
        var withoutBlocks = Rewrite(Bundle("einstiegsgeld"), entries => entries
            .Where(e => !e.Name.StartsWith("blocks/", StringComparison.Ordinal))
            .Select(e => e.Name == BundleManifest.FileName ? (e.Name, WithoutBlocks(e.Content)) : e));

        var error = Should.Throw<CatalogException>(() => Import(withoutBlocks));

        error.Message.ShouldContain("needs block person@1.0.1, which is neither in the bundle nor in the catalog");
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    private static byte[] WithoutBlocks(byte[] manifest)
    {
        var parsed = BundleManifest.FromUtf8(manifest);
        return (parsed with { Blocks = [] }).ToUtf8();
    }

    [Theory]
    [InlineData("Object.assign on Object.prototype", "rule-changes-builtins", false)]
    [InlineData("Math.random", "rule-nondeterministic", false)]
    [InlineData("new Date() without arguments", "rule-nondeterministic", true)]
    public void A_bundle_with_a_polluting_or_non_deterministic_form_is_refused_with_the_problem_and_nothing_is_written(string vector, string code, bool dryRun)
    {
        using var source = new TemporaryCatalog();
        source.Write("forms/verschmutzt/1.0.0/form.json", IsolationCases.FormWithValidation("verschmutzt", IsolationCases.Get(vector).Expression));
        using var bundle = new MemoryStream();
        BundleExporter.Export(source.Root, ["verschmutzt"], bundle);

        var error = Should.Throw<CatalogException>(() => Import(bundle.ToArray(), dryRun));

        error.Message.ShouldContain("nothing was imported");
        error.Message.ShouldContain($"forms/verschmutzt/1.0.0/form.json:");
        error.Message.ShouldContain($"(pages[0].validations[0].when): error {code}");
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }
}

internal static class PipeExtension
{
    public static T Pipe<T>(this T value, Func<T, T> next) => next(value);
}
