using Sozialplattform.Cli;
using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Cli;

public sealed class FimCommandTests
{
    private static (int Exit, string Out, string Error) Run(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, workingDirectory);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Import_fim_writes_a_catalog_and_prints_the_report_with_element_ids_and_lines()
    {
        using var dir = new TempDirectory();
        dir.File("schema.xml", Schema3(Use("1:1", Field("F1", "colour"))));

        var (exit, output, _) = Run(dir.Path, "import-fim", "schema.xml", "-o", "out");

        exit.ShouldBe(0);
        File.Exists(Path.Combine(dir.Path, "out", "catalog.json")).ShouldBeTrue();
        File.Exists(Path.Combine(dir.Path, "out", "forms", "fim-s00000000001", "1.0.0", "form.json")).ShouldBeTrue();
        output.ShouldContain("Imported S00000000001 1.0.0 (XDatenfelder 3.0.0) as fim-s00000000001@1.0.0");
        output.ShouldContain("warning datentyp-unknown [F1 1.0.0]: datentyp 'colour' is unknown");
        output.ShouldMatch(@"schema\.xml\(\d+\): warning datentyp-unknown");
    }

    [Fact]
    public void Import_fim_fails_with_exit_1_and_the_errors_on_standard_error()
    {
        using var dir = new TempDirectory();
        dir.File("schema.xml", "<not-closed>");

        var (exit, _, error) = Run(dir.Path, "import-fim", "schema.xml", "-o", "out");

        exit.ShouldBe(1);
        error.ShouldContain("error xml-not-well-formed");
        error.ShouldContain("schema.xml was not imported");
        Directory.Exists(Path.Combine(dir.Path, "out")).ShouldBeFalse();
    }

    [Fact]
    public void Import_fim_without_an_output_folder_is_a_usage_error()
    {
        using var dir = new TempDirectory();

        Run(dir.Path, "import-fim", "schema.xml").Exit.ShouldBe(2);
    }

    [SkippableFact]
    public void Import_fim_strict_fails_with_the_xsd_messages()
    {
        var path = TestPaths.RequireStandard("xdf2/examples/GerPS-Datafield/S00000094V1.0_xdf2/S00000094V1.0_xdf2.xml");
        using var dir = new TempDirectory();

        var (exit, _, error) = Run(TestPaths.RepositoryRoot, "import-fim", path, "--strict", "-o", dir.Path);

        exit.ShouldBe(1);
        error.ShouldMatch(@"S00000094V1\.0_xdf2\.xml\(\d+\): error xsd-invalid: XSD: ");
    }

    [Fact]
    public void Export_fim_writes_xdatenfelder_3_from_an_imported_catalog()
    {
        using var dir = new TempDirectory();
        dir.File("schema.xml", Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1")) + Use("0:1", Field("F2", "date"))))));
        Run(dir.Path, "import-fim", "schema.xml", "-o", "out").Exit.ShouldBe(0);

        var (exit, output, _) = Run(dir.Path, "export-fim", "out/forms/fim-s00000000001/1.0.0/form.json", "-o", "back/schema.xml");

        exit.ShouldBe(0);
        output.ShouldContain("wrote ");
        File.ReadAllText(Path.Combine(dir.Path, "back", "schema.xml")).ShouldContain("urn:xoev-de:fim:standard:xdatenfelder_3.0.0");
    }

    [Fact]
    public void Export_fim_refuses_a_definition_that_sozial_validate_rejects()
    {
        using var dir = new TempDirectory();
        dir.File("catalog.json", """{ "name": "t" }""");
        dir.File("forms/x/1.0.0/form.json", """{ "id": "x", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "X", "pages": [{ "id": "p", "title": "P", "items": [{ "key": "a", "type": "text", "label": "A", "visibleIf": "nichtDa === 1" }] }] }""");

        var (exit, _, error) = Run(dir.Path, "export-fim", "forms/x/1.0.0/form.json", "-o", "x.xml");

        exit.ShouldBe(1);
        error.ShouldContain("nichtDa");
        File.Exists(Path.Combine(dir.Path, "x.xml")).ShouldBeFalse();
    }

    [Fact]
    public void Both_commands_are_listed_in_the_overview()
    {
        using var dir = new TempDirectory();

        var output = Run(dir.Path, "--help").Out;

        output.ShouldContain("import-fim");
        output.ShouldContain("export-fim");
    }
}
