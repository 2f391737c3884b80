using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Reading;
using Sozialplattform.Fim.Tests.Support;
using Sozialplattform.Fim.Xml;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Importing;

/// <summary>
/// Files of hostile shape: element trees nested beyond the XML limit (refused before the tree is built, which used
/// to take minutes), groups nested beyond the group limit (the written JSON used to crash the command), and long
/// files of acceptable shape (imported completely). Speed is measured in FimImportBenchmarks, not here.
/// </summary>
public sealed class HostileShapeTests
{
    [Fact]
    public void Elements_nested_100000_deep_are_refused_naming_the_element_and_its_line()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", HostileXdf.FieldWithNestedDescription("F1", 100_000))), dir);

        result.Succeeded.ShouldBeFalse();
        result.Catalog.ShouldBeNull();
        var error = result.WithCode("xml-too-deep").ShouldHaveSingleItem();
        error.Arg("detail").ShouldBe($"element <a> is nested 101 levels deep; the limit is {XmlLimits.DefaultMaxElementDepth}");
        error.Line.ShouldNotBeNull().ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Elements_nested_just_within_the_limit_are_read()
    {
        using var dir = new TempDirectory();

        // schema root, stammdatenschema, struktur, enthaelt, datenfeld, beschreibung = 6 levels above the <a> chain
        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", HostileXdf.FieldWithNestedDescription("F1", XmlLimits.DefaultMaxElementDepth - 6))), dir);

        result.Catalog().Form.Pages.Single().Items.Single().Key.ShouldBe("F1");
    }

    [Fact]
    public void A_long_file_of_acceptable_shape_is_imported_completely()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(HostileXdf.ManyFields(2_000), dir);

        var items = result.Catalog().Form.Pages.Single().Items;
        items.Count.ShouldBe(2_000);
        items[^1].Key.ShouldBe("F2000");
    }

    [Fact]
    public void Groups_nested_to_the_limit_are_imported_and_the_engine_accepts_the_form()
    {
        using var dir = new TempDirectory();
        // A repeated field becomes one more (repeating) group level around it: the deepest JSON the import writes.
        var result = FimImportRunner.ImportXml(HostileXdf.NestedGroups(GroupNesting.MaxDepth, fieldAnzahl: "0:5"), dir);
        var output = dir.Sub("out");

        CatalogWriter.Write(result.Catalog(), output);

        result.WithCode("repeated-field-as-group").ShouldHaveSingleItem();
        CatalogValidation.Problems(output).ShouldBeEmpty();
    }

    [Fact]
    public void Groups_nested_30_deep_are_refused_naming_the_first_group_beyond_the_limit()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(HostileXdf.NestedGroups(30), dir);

        result.Catalog.ShouldBeNull();
        var error = result.WithCode("group-too-deep").ShouldHaveSingleItem();
        error.ElementId.ShouldBe($"G{GroupNesting.MaxDepth + 1}");
        error.Line.ShouldNotBeNull().ShouldBeGreaterThan(0);
        error.Arg("limit").ShouldBe("16");
    }

    [Fact]
    public void A_group_reused_further_down_counts_at_every_place_however_shallow_the_xml()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(HostileXdf.ChainOfReusedGroups(5_000), dir);

        result.Catalog.ShouldBeNull();
        result.WithCode("group-too-deep").ShouldHaveSingleItem().Arg("depth").ShouldBe("17");
    }

    [Fact]
    public void Both_nesting_limits_hold_for_imports_running_in_parallel()
    {
        using var dir = new TempDirectory();
        var deepXml = dir.File("deep-xml.xml", Schema3(Use("1:1", HostileXdf.FieldWithNestedDescription("F1", 5_000))));
        var deepGroups = dir.File("deep-groups.xml", HostileXdf.NestedGroups(30));

        var codes = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => FimImportRunner.Import(i % 2 == 0 ? deepXml : deepGroups))
            .Select(r => (r.Catalog, Code: r.Diagnostics.Single(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).Code))
            .ToList();

        codes.ShouldAllBe(c => c.Catalog == null);
        codes.Count(c => c.Code == "xml-too-deep").ShouldBe(8);
        codes.Count(c => c.Code == "group-too-deep").ShouldBe(8);
    }
}
