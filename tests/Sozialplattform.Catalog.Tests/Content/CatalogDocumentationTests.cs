using System.Text.RegularExpressions;
using Sozialplattform.Cli;

namespace Sozialplattform.Catalog.Tests.Content;

public partial class CatalogDocumentationTests
{
    [GeneratedRegex("<!-- services:begin -->\n(?<table>.*?)<!-- services:end -->", RegexOptions.Singleline)]
    private static partial Regex ServicesTable();

    [Fact]
    public void The_services_table_in_docs_catalog_md_is_the_one_the_lint_generates()
    {
        var output = new StringWriter();
        CliApp.Run(["catalog", "lint", "--table", "--catalog", Repository.CatalogFolder], output, new StringWriter()).ShouldBe(0);

        var documented = ServicesTable().Match(File.ReadAllText(Path.Combine(Repository.Root, "docs", "CATALOG.md")).ReplaceLineEndings("\n"));

        documented.Success.ShouldBeTrue("docs/CATALOG.md lost its <!-- services:begin/end --> markers");
        documented.Groups["table"].Value.ShouldBe(output.ToString().ReplaceLineEndings("\n"),
            "docs/CATALOG.md is out of date: replace its services table with the output of `sozial catalog lint --table`");
    }
}
