using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Translations;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial translations export &lt;definition&gt; -o &lt;file&gt;</c>: the texts of a form, block or code list for translators.</summary>
public sealed class TranslationsExportCommand : ICliCommand
{
    public string Name => "translations export";
    public string Summary => "write a form's texts for translators (XLIFF 2.0 or CSV, German source with context)";
    public string Usage => """
        Usage: sozial translations export <definition.json> --language <xx> -o <file.xlf|file.csv>

        Writes every text of the definition (a form, a building block or a code list: labels, hints, help, options,
        messages, page titles, declarations, document names) with its German source, a context line for the
        translator and the translation into <xx> where the definition has one. The format follows the file's extension:
        .xlf/.xliff is XLIFF 2.0, .csv is CSV (UTF-8) with the columns id, context, de, <xx>.

        Exit codes: 0 written, 2 unusable input (file not found, not JSON, no target language).
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--language", "-o", "--output" }, new HashSet<string>());
        var path = args.Required(0, "definition");
        args.ExpectAtMost(1);
        var output = args.Option("-o") ?? args.Option("--output");
        var language = args.Option("--language");
        if (output is null || language is null)
        {
            context.Error.WriteLine("sozial translations export: name the target language (--language en) and the output file (-o texts.xlf)");
            return 2;
        }
        try
        {
            var definition = TranslationsIo.ReadDefinition(context, path);
            var file = TranslationImport.Export(definition, path.Replace('\\', '/'), language);
            file.Write(context.FullPath(output));
            var open = file.Entries.Count(e => e.Target.Length == 0);
            context.Out.WriteLine($"{output}: {file.Entries.Count} texts of {path}, {open} without a {language} translation");
            return 0;
        }
        catch (TranslationFileException e)
        {
            context.Error.WriteLine($"sozial translations export: {e.Message}");
            return 2;
        }
    }
}

/// <summary><c>sozial translations import &lt;file&gt;</c>: sets a translator's file into the definition it names, with a report.</summary>
public sealed class TranslationsImportCommand : ICliCommand
{
    public string Name => "translations import";
    public string Summary => "set translated texts into a form, with a report of what is missing, changed or suspicious";
    public string Usage => """
        Usage: sozial translations import <file.xlf|file.csv> [--into <definition.json>]

        Reads a file written by 'sozial translations export' (and filled in by a translator) and sets each translation
        into the definition the file names (or --into). Published versions never change, so the definition must be a
        draft (status "draft"): copy the published version to a new version folder first, or import in the designer.

        Taken: a translation whose German source is still the definition's. Not taken, and reported: a source that
        changed since the export, a translation that lost a placeholder such as {n}. Taken but reported: a translation
        more than three times as long as its source. Reported: texts still without a translation, ids the definition
        does not have.

        Exit codes: 0 imported and nothing to report, 1 imported with findings, 2 unusable input (nothing written).
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--into" }, new HashSet<string>());
        var path = args.Required(0, "translation file");
        args.ExpectAtMost(1);
        try
        {
            if (!File.Exists(context.FullPath(path))) throw new TranslationFileException(path, 0, "file not found");
            var file = TranslationFile.Read(context.FullPath(path));
            var target = args.Option("--into") ?? file.Original;
            var definition = TranslationsIo.ReadDefinition(context, target);
            if (CatalogJson.String(definition, "status") == "published")
                throw new TranslationFileException(target, 0, "a published version never changes: copy it to a new version folder with status \"draft\" and import into that (or import in the designer)");
            var report = TranslationImport.Apply(definition, file);
            TranslationsIo.WriteDefinition(context.FullPath(target), definition);
            Print(context, target, report);
            return report.Clean ? 0 : 1;
        }
        catch (TranslationFileException e)
        {
            context.Error.WriteLine($"sozial translations import: {e.Message}");
            return 2;
        }
    }

    private static void Print(CliContext context, string target, TranslationReport report)
    {
        context.Out.WriteLine($"{target}: {report.Applied.Count} {report.Language} texts set");
        foreach (var problem in report.Changed) context.Out.WriteLine($"  changed (not set): {problem.Id}: {problem.Reason}");
        foreach (var problem in report.Suspicious) context.Out.WriteLine($"  suspicious ({(problem.Applied ? "set" : "not set")}): {problem.Id}: {problem.Reason}");
        foreach (var id in report.Unknown) context.Out.WriteLine($"  unknown (ignored): {id}: the definition has no such text");
        foreach (var id in report.Missing) context.Out.WriteLine($"  missing: {id}");
        context.Out.WriteLine($"{report.Missing.Count} missing, {report.Changed.Count} changed, {report.Suspicious.Count} suspicious, {report.Unknown.Count} unknown");
    }
}

internal static class TranslationsIo
{

    public static JsonObject ReadDefinition(CliContext context, string path)
    {
        var full = context.FullPath(path);
        if (!File.Exists(full)) throw new TranslationFileException(path, 0, "definition not found");
        try { return CatalogJson.ReadObject(full); }
        catch (CatalogException e) { throw new TranslationFileException(path, 0, e.Message); }
    }

    /// <summary>Written whole or not at all.</summary>
    public static void WriteDefinition(string path, JsonObject definition) =>
        AtomicFile.Replace(path, System.Text.Encoding.UTF8.GetBytes(definition.ToJsonString(CommandSupport.Json) + "\n"));
}
