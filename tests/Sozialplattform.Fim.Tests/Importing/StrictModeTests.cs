using Sozialplattform.Fim.Importing;
using Sozialplattform.Fim.Tests.Support;

namespace Sozialplattform.Fim.Tests.Importing;

/// <summary>--strict validates against the XDatenfelder XSDs in ../shared/standards and fails with their messages.</summary>
public sealed class StrictModeTests
{
    private static ImportOptions Strict(string? xsd = null) => new() { Strict = true, XsdDirectory = xsd, WorkingDirectory = TestPaths.RepositoryRoot };

    [SkippableFact]
    public void A_real_export_that_breaks_string_latin_fails_strict_import_with_the_xsd_message_and_line()
    {
        var path = TestPaths.RequireStandard("xdf2/examples/GerPS-Datafield/S00000094V1.0_xdf2/S00000094V1.0_xdf2.xml");

        var result = FimImportRunner.Import(path, Strict());

        result.Succeeded.ShouldBeFalse();
        result.WithCode("xsd-invalid").ShouldNotBeEmpty();
        result.WithCode("xsd-invalid").ShouldAllBe(d => d.Line > 0);
    }

    [SkippableFact]
    public void The_same_file_imports_leniently()
    {
        var path = TestPaths.RequireStandard("xdf2/examples/GerPS-Datafield/S00000094V1.0_xdf2/S00000094V1.0_xdf2.xml");

        FimImportRunner.Import(path).Succeeded.ShouldBeTrue();
    }

    [SkippableFact]
    public void A_valid_xdatenfelder_3_file_passes_strict_import()
    {
        var path = TestPaths.RequireStandard("xdf3/examples/BUND-T-Prototype/S00000000371/schema.xdf.xml");

        var result = FimImportRunner.Import(path, Strict());

        result.WithCode("xsd-invalid").ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
    }

    [SkippableFact]
    public void The_xsd_folder_can_be_given_explicitly_and_a_folder_without_xsds_is_an_error()
    {
        var path = TestPaths.RequireStandard("xdf3/examples/BUND-T-Prototype/S00000000371/schema.xdf.xml");
        using var empty = new TempDirectory();

        FimImportRunner.Import(path, Strict(TestPaths.Standard("xdf3/xsd"))).Succeeded.ShouldBeTrue();
        FimImportRunner.Import(path, Strict(empty.Path)).WithCode("xsd-missing").ShouldHaveSingleItem();
    }

    [SkippableFact]
    public void Xdatenfelder_1_has_no_xsd_so_strict_import_fails_but_lenient_import_works()
    {
        var path = TestPaths.RequireStandard("xdf1/WaBeKa.xml");

        FimImportRunner.Import(path, Strict()).WithCode("xsd-missing").ShouldHaveSingleItem();
        FimImportRunner.Import(path).Succeeded.ShouldBeTrue();
    }
}
