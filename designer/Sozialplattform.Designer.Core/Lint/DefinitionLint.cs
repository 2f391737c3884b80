using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Lint;

/// <summary>
/// Lints the edited definition with the same checks as <c>sozial validate</c> (the engine loads the text and reports every
/// problem with its JSON path) and <c>sozial catalog lint</c> (metadata, translations, references, sample answers). Both
/// say their findings in the designer's language (<see cref="LintTexts"/>; German unless <c>language</c> is "en"), an
/// engine problem naming the element by its label where the lint finds it.
/// </summary>
public static class DefinitionLint
{
    public static IReadOnlyList<LintItem> Run(DefinitionDocument document, string catalogDirectory, FormEngineOptions? options = null, string language = "de") =>
        Run(document, new CatalogDirectory(catalogDirectory), options, language: language);

    /// <summary>
    /// With the workspace's catalog, which also reads the blocks and code lists of the database's shared home, and the
    /// draft's sample answers (<see cref="Workspace.FormWorkspace.DraftSampleFiles"/>; null: the catalog folder's).
    /// </summary>
    public static IReadOnlyList<LintItem> Run(DefinitionDocument document, CatalogDirectory catalogDirectory, FormEngineOptions? options = null, IReadOnlyDictionary<string, byte[]>? samples = null, string language = "de")
    {
        var text = document.ToText();
        var locator = new LintLocator(document.Root);
        var items = new List<LintItem>();
        var loaded = FormEngine.LoadText(text, "form.json", catalogDirectory, options);
        foreach (var problem in loaded.Problems)
        {
            var exact = DocumentPath.TryParse(problem.Location.JsonPath, out var path) ? path : null;
            var line = language == "de" ? "Zeile" : "line";
            var where = problem.Location.Line > 0 ? $"{problem.Location.JsonPath} ({line} {problem.Location.Line})" : problem.Location.JsonPath;
            var said = LintTexts.Text(problem, language, (argument, value) => locator.Label(argument, value, problem.Location.JsonPath));
            items.Add(new LintItem(problem.IsError, said, LintSource.Engine, where, locator.ForJsonPath(problem.Location.JsonPath), exact) { Code = problem.Key });
        }

        if (Fim.FimRules.OpenWarning(Fim.FimRules.Of(document.Root, catalogDirectory)) is { } openFimRules)
            items.Add(new LintItem(false, openFimRules, LintSource.Catalog, "", DocumentPath.Root, null));
        if (!Names(document, out var reference)) return items;
        CatalogRoot catalog;
        try
        {
            catalog = CatalogRoot.Open(catalogDirectory.Root);
        }
        catch (CatalogException e)
        {
            items.Add(new LintItem(true, e.Message, LintSource.Catalog, "", DocumentPath.Root, null));
            return items;
        }

        foreach (var finding in CatalogLinter.LintForm(catalog, reference, document.Root, samples).Where(f => !InSharedHome(f, catalogDirectory)))
        {
            var said = LintTexts.Text(finding, language);
            items.Add(new LintItem(finding.Severity == LintSeverity.Error, finding.Where.Length > 0 ? $"{finding.Where}: {said}" : said, LintSource.Catalog, finding.Where, locator.ForWhere(finding.Where), null) { Code = finding.Code });
        }
        return items;
    }

    /// <summary>
    /// The catalog lint looks for blocks and code lists in the catalog folder only; one the engine finds in the database's
    /// shared home (a FIM upload's, added on any host) is there, not missing.
    /// </summary>
    private static bool InSharedHome(LintFinding finding, CatalogDirectory catalog) =>
        finding.Code is LintCodes.CodeListMissing or LintCodes.BlockMissing && finding.Arguments is [var reference] && reference.Split('@') is [var id, var version]
        && (finding.Code == LintCodes.CodeListMissing ? catalog.CodeList(id, version) : catalog.Block(id, version)) is not null;

    private static bool Names(DefinitionDocument document, out CatalogReference reference)
    {
        reference = new CatalogReference(document.Id, document.Version);
        return Workspace.Names.IsFormId(document.Id) && Workspace.Names.IsVersion(document.Version);
    }
}
