using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Lint;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial catalog lint</c>: checks the whole catalog; exit 1 when it finds errors.</summary>
public sealed class CatalogLintCommand : ICliCommand
{
    public string Name => "catalog lint";
    public string Summary => "Check every form, block, code list and tenant of a catalog";
    public string Usage => """
        Usage: sozial catalog lint [--catalog <folder>] [--table]

        Checks that every service has its metadata, every text exists in each declared language, every
        block and code-list reference resolves, every rule reads only existing answers, sample answers sit
        beside every form, and tenant branding and text overrides fit the shared definitions.

          --catalog <folder>  the catalog (default: the catalog the working directory is in, or ./forms-catalog)
          --table             print the tables of docs/CATALOG.md instead (Markdown): the services, and per form
                              and portal language how many texts are missing

        A text that lacks a language its form declares is an error naming the form, the text and the language.

        Exit codes: 0 no errors (warnings are printed), 1 errors found, 2 usage error or no catalog.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "--catalog" }, new HashSet<string> { "--table" });
        arguments.ExpectAtMost(0);
        if (CatalogLocation.ResolveOrReport(context, arguments.Option("--catalog"), Name) is not { } catalog) return 2;

        if (arguments.Has("--table"))
        {
            var tree = new FormTree(catalog);
            var latest = catalog.Forms().GroupBy(f => f.Id).Select(g => g.MaxBy(f => SemanticVersion.Parse(f.Version))!)
                .Select(f => (Form: f, Json: CatalogJson.ReadObject(catalog.FullPath(CatalogRoot.FormPath(f))))).ToList();
            context.Out.Write(FormStatistics.MarkdownTable(latest.Select(f => FormStatistics.Of(f.Form, f.Json, tree))));
            context.Out.Write("\nTexts missing per language (a declared language must have none; – = not declared, missing count in brackets):\n\n");
            context.Out.Write(TranslationCompleteness.MarkdownTable(latest.Select(f => TranslationCompleteness.Of(catalog, f.Form, f.Json))));
            return 0;
        }

        var findings = CatalogLinter.Lint(catalog);
        foreach (var finding in findings) context.Out.WriteLine(finding);
        var errors = findings.Count(f => f.Severity == LintSeverity.Error);
        context.Out.WriteLine($"{catalog.Forms().Count} forms, {catalog.Blocks().Count} blocks, {catalog.CodeLists().Count} code lists: {errors} errors, {findings.Count - errors} warnings");
        return errors == 0 ? 0 : 1;
    }
}
