using System.Text.Json;
using Sozialplattform.Cli;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Importing;

/// <summary>The catalog is written all or nothing: a failure at any point leaves the output folder as it was.</summary>
public sealed class AtomicOutputTests
{
    /// <summary>Groups nested 40 deep: more than the JSON writer's 64 levels, which the importer itself never produces.</summary>
    private static ImportedCatalog UnwritableCatalog()
    {
        var item = new ItemDocument { Key = "f", Type = "text", Label = LocalizedText.De("F") };
        for (var level = 0; level < 40; level++) item = new ItemDocument { Key = $"g{level}", Type = ItemTypes.Group, Items = [item] };
        var form = new FormDocument { Id = "tief", Version = "1.0.0", Title = LocalizedText.De("Tief")!, Pages = [new PageDocument { Id = "p", Title = LocalizedText.De("P")!, Items = [item] }] };
        return new ImportedCatalog(form, [], []);
    }

    private static string[] Entries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_catalog_that_cannot_be_written_leaves_no_output_folder_and_no_staging_folder()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");

        Should.Throw<JsonException>(() => CatalogWriter.Write(UnwritableCatalog(), output));

        Directory.Exists(output).ShouldBeFalse();
        Entries(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_catalog_that_cannot_be_written_leaves_an_existing_catalog_unchanged()
    {
        using var dir = new TempDirectory();
        var output = dir.Sub("out");
        CatalogWriter.Write(FimImportRunner.ImportXml(Schema3(Use("1:1", Field("F1"))), dir, "first.xml").Catalog(), output);
        var before = Entries(output).Select(e => (e, File.Exists(e) ? File.ReadAllText(e) : "")).ToArray();

        Should.Throw<JsonException>(() => CatalogWriter.Write(UnwritableCatalog(), output));

        Entries(output).Select(e => (e, File.Exists(e) ? File.ReadAllText(e) : "")).ToArray().ShouldBe(before);
        Directory.EnumerateDirectories(dir.Path).ShouldNotContain(d => d.Contains(CatalogWriter.StagingMarker));
    }

    [Fact]
    public void A_new_output_folder_appears_complete_and_the_staging_folder_is_gone()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "new", "out");

        var written = CatalogWriter.Write(FimImportRunner.ImportXml(Schema3(Use("1:1", Field("F1"))), dir).Catalog(), output);

        written.ShouldAllBe(f => File.Exists(f));
        written.Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ShouldBe(["catalog.json", "forms/fim-s00000000001/1.0.0/form.json"]);
        Directory.EnumerateDirectories(Path.Combine(dir.Path, "new")).ShouldBe([output]);
    }

    [Fact]
    public void Import_fim_of_groups_nested_30_deep_exits_1_naming_the_group_and_creates_no_output()
    {
        using var dir = new TempDirectory();
        dir.File("deep.xml", HostileXdf.NestedGroups(30));
        var error = new StringWriter();

        var exit = CliApp.Run(["import-fim", "deep.xml", "-o", "out"], new StringWriter(), error, dir.Path);

        exit.ShouldBe(1);
        error.ToString().ShouldContain("error group-too-deep [G17 1.0.0]: group G17 1.0.0 is nested 17 groups deep; the limit is 16");
        Directory.Exists(Path.Combine(dir.Path, "out")).ShouldBeFalse();
    }

    [Fact]
    public void Import_fim_into_a_folder_it_cannot_write_exits_1_with_a_message()
    {
        using var dir = new TempDirectory();
        dir.File("schema.xml", Schema3(Use("1:1", Field("F1"))));
        dir.File("taken", "a file where the output folder should be");
        var error = new StringWriter();

        var exit = CliApp.Run(["import-fim", "schema.xml", "-o", "taken/out"], new StringWriter(), error, dir.Path);

        exit.ShouldBe(1);
        error.ToString().ShouldContain("sozial import-fim: cannot write");
        error.ToString().ShouldContain("nothing was changed there");
    }
}
