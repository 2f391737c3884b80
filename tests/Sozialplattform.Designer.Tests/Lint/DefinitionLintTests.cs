using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Lint;

public sealed class DefinitionLintTests
{
    private static DefinitionDocument Catalog(string id) =>
        DefinitionDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Catalog, "forms", id, "1.0.0", "form.json")), id);

    [Fact]
    public void A_clean_catalog_form_has_no_lint_errors()
    {
        DefinitionLint.Run(Catalog("einstiegsgeld"), Repository.Catalog).Where(i => i.IsError).ShouldBeEmpty();
    }

    [Fact]
    public void An_engine_problem_links_to_the_element_it_is_in()
    {
        var document = Catalog("einstiegsgeld");
        document.Apply(new SetProperty(DocumentPath.Parse("pages[2].items[2]"), "visibleIf", JsonValue.Create("gibtEsNicht")));

        var item = DefinitionLint.Run(document, Repository.Catalog).Where(i => i.IsError && i.Source == LintSource.Engine).ShouldHaveSingleItem();

        item.Element.ToString().ShouldBe("pages[2].items[2]");
        item.Exact!.ToString().ShouldBe("pages[2].items[2].visibleIf");
        item.Message.ShouldContain("gibtEsNicht");
    }

    [Fact]
    public void A_missing_translation_is_a_catalog_error_at_the_field()
    {
        var document = Catalog("einstiegsgeld");
        var path = DocumentPath.Parse("pages[2].items[2]");
        document.Apply(new SetText(path, "label", "en", ""));
        var key = document.Find(path.Property("key"))!.ToString();

        var items = DefinitionLint.Run(document, Repository.Catalog).Where(i => i.IsError && i.Source == LintSource.Catalog).ToList();

        var item = items.ShouldHaveSingleItem();
        item.Where.ShouldBe($"{key} label");
        item.Element.ShouldBe(path);
    }

    [Fact]
    public void The_catalog_lint_of_one_form_finds_what_the_whole_catalog_lint_finds_for_that_form()
    {
        var catalog = CatalogRoot.Open(Repository.Catalog);
        var form = new CatalogReference("buergergeld", "1.0.0");
        var json = CatalogJson.ReadObject(catalog.FullPath(CatalogRoot.FormPath(form)));
        json["keywords"] = new JsonArray();

        var findings = CatalogLinter.LintForm(catalog, form, json);

        findings.ShouldContain(f => f.Where == "keywords" && f.Message.Contains("keywords"));
        CatalogLinter.LintForm(catalog, form, CatalogJson.ReadObject(catalog.FullPath(CatalogRoot.FormPath(form)))).Where(f => f.Severity == LintSeverity.Error).ShouldBeEmpty();
    }
}
