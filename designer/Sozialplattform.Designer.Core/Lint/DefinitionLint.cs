using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Lint;

/// <summary>
/// Lints the edited definition with the same checks as <c>sozial validate</c> (the engine loads the text and reports every
/// problem with its JSON path) and <c>sozial catalog lint</c> (metadata, translations, references, sample answers).
/// </summary>
public static class DefinitionLint
{
    public static IReadOnlyList<LintItem> Run(DefinitionDocument document, string catalogDirectory, FormEngineOptions? options = null)
    {
        var text = document.ToText();
        var locator = new LintLocator(document.Root);
        var items = new List<LintItem>();
        var loaded = FormEngine.LoadText(text, "form.json", new CatalogDirectory(catalogDirectory), options);
        foreach (var problem in loaded.Problems)
        {
            var exact = DocumentPath.TryParse(problem.Location.JsonPath, out var path) ? path : null;
            var where = problem.Location.Line > 0 ? $"{problem.Location.JsonPath} (Zeile {problem.Location.Line})" : problem.Location.JsonPath;
            items.Add(new LintItem(problem.IsError, $"{problem.Code}: {problem.Message}", LintSource.Engine, where, locator.ForJsonPath(problem.Location.JsonPath), exact));
        }

        if (!Names(document, out var reference)) return items;
        CatalogRoot catalog;
        try
        {
            catalog = CatalogRoot.Open(catalogDirectory);
        }
        catch (CatalogException e)
        {
            items.Add(new LintItem(true, e.Message, LintSource.Catalog, "", DocumentPath.Root, null));
            return items;
        }

        foreach (var finding in CatalogLinter.LintForm(catalog, reference, document.Root))
            items.Add(new LintItem(finding.Severity == LintSeverity.Error, finding.Where.Length > 0 ? $"{finding.Where}: {finding.Message}" : finding.Message, LintSource.Catalog, finding.Where, locator.ForWhere(finding.Where), null));
        return items;
    }

    private static bool Names(DefinitionDocument document, out CatalogReference reference)
    {
        reference = new CatalogReference(document.Id, document.Version);
        return Workspace.Names.IsFormId(document.Id) && Workspace.Names.IsVersion(document.Version);
    }
}
