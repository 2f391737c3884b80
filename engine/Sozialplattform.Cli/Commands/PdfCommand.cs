using System.Globalization;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial pdf &lt;definition&gt; &lt;answers&gt; -o out.pdf</c>: the application PDF for a set of answers.</summary>
public sealed class PdfCommand : ICliCommand
{
    public string Name => "pdf";
    public string Summary => "render the application PDF for answers that pass the server's checks";
    public string Usage => """
        Usage: sozial pdf <definition.json> <answers.json> -o <out.pdf> [--lang <code>] [--reference <number>]
                          [--submitted-at <ISO 8601>] [--authority <name>] [--today YYYY-MM-DD] [--catalog <dir>]

        Checks the answers as 'sozial check' does, builds the submission document in the chosen language
        and writes the PDF. The same input always gives the same bytes; --submitted-at sets the date the
        PDF carries (without it the PDF has no date).
        Exit codes: 0 written, 1 answers invalid (errors listed), 2 unusable input or usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments,
            new HashSet<string> { "-o", "--output", "--lang", "--reference", "--submitted-at", "--authority", "--today", "--catalog" },
            new HashSet<string>());
        var definitionPath = args.Required(0, "definition");
        var answersPath = args.Required(1, "answers");
        args.ExpectAtMost(2);
        var output = args.Option("-o") ?? args.Option("--output") ?? throw new CliUsageException("missing -o <out.pdf>");
        var language = CommandSupport.Language(args);
        var header = new DocumentHeader(args.Option("--reference"), SubmittedAt(args), args.Option("--authority"), []);
        if (AnswerInput.Load(context, args, definitionPath, answersPath, CommandSupport.Options(args)) is not var (engine, answers)) return 2;

        var result = engine.Validate(answers);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors) context.Error.WriteLine($"error    {error.Path}  [{error.Code}]  {error.Text(language)}");
            context.Error.WriteLine($"{answersPath}: {result.Errors.Count} error(s); no PDF written");
            return 1;
        }

        var rendered = new PdfRenderer().Render(engine.BuildDocument(result, language, header));
        if (!rendered.Succeeded)
        {
            context.Error.WriteLine($"sozial pdf: {rendered.ErrorMessage}");
            return 2;
        }

        File.WriteAllBytes(context.FullPath(output), rendered.Pdf!);
        context.Out.WriteLine($"{output}: {rendered.PageCount} page(s), {rendered.Pdf!.Length:N0} bytes");
        return 0;
    }

    private static DateTimeOffset? SubmittedAt(CliArguments args)
    {
        if (args.Option("--submitted-at") is not { } text) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new CliUsageException($"--submitted-at needs a date and time like 2026-11-25T10:15:00+01:00, not '{text}'");
    }
}
