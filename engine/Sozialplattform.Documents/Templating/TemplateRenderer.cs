using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;
using Sozialplattform.Documents.Formatting;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Templating;

/// <summary>
/// Renders e-mail bodies, receipts and cover letters with Scriban in a sandbox: the model is plain
/// script objects, reflection on .NET members is switched off, there is no include loader, and loops,
/// recursion, output and time are bounded. Parse and runtime errors come back with file, line and column.
/// </summary>
public sealed class TemplateRenderer(TemplateLocator locator, TemplateLimits? limits = null)
{
    private readonly TemplateLimits _limits = limits ?? new TemplateLimits();

    public TimeZoneInfo TimeZone { get; init; } = DocumentFormat.GermanTime;

    public TemplateResult Render(string template, SubmissionDocument document, IReadOnlyDictionary<string, string>? values = null) =>
        Render(template, document, null, values);

    /// <summary>Renders <paramref name="template"/> as found for the document's form and language, with the templates of its form version (<see cref="TemplateLocator"/>'s order).</summary>
    public TemplateResult Render(string template, SubmissionDocument document, ServiceTemplates? service, IReadOnlyDictionary<string, string>? values = null)
    {
        if (!TemplateLocator.IsValidName(template) || !TemplateLocator.IsValidName(document.FormId))
            return TemplateResult.Failed(null, new TemplateError(template, 0, 0, "Template and form names may only contain a-z, 0-9 and '-'."));

        var source = locator.Find(template, document.FormId, document.Language, service);
        if (source is null)
            return TemplateResult.Failed(null, new TemplateError(template, 0, 0, $"No template '{template}' for language '{document.Language}', English or German."));

        return Render(source, document, values);
    }

    /// <summary>The template as found, without rendering it (null when there is none).</summary>
    public TemplateSource? Find(string template, string formId, string language, ServiceTemplates? service) => locator.Find(template, formId, language, service);

    /// <summary>The parse errors of a template (file, line, column), as rendering would report them; empty when it parses.</summary>
    public static IReadOnlyList<TemplateError> Check(string text, string origin)
    {
        var parsed = Template.Parse(text, origin);
        return parsed.HasErrors ? parsed.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => Error(origin, m.Span, m.Message)).ToList() : [];
    }

    public TemplateResult Render(TemplateSource source, SubmissionDocument document, IReadOnlyDictionary<string, string>? values = null)
    {
        var parsed = Template.Parse(source.Text, source.Origin);
        if (parsed.HasErrors)
            return TemplateResult.Failed(source.Origin, parsed.Messages.Where(m => m.Type == ParserMessageType.Error)
                .Select(m => Error(source.Origin, m.Span, m.Message)).ToArray());

        using var timeout = new CancellationTokenSource(_limits.Time);
        var context = Sandbox(timeout.Token);
        context.PushGlobal(TemplateModel.Create(document, TimeZone, values));
        try
        {
            return TemplateResult.Rendered(parsed.Render(context), source.Origin);
        }
        catch (ScriptRuntimeException error)
        {
            var message = error is ScriptAbortException ? $"The template ran longer than {_limits.Time.TotalSeconds:0.#} s." : error.OriginalMessage;
            return TemplateResult.Failed(source.Origin, Error(source.Origin, error.Span, message));
        }
    }

    private TemplateContext Sandbox(CancellationToken cancellation) => new()
    {
        LoopLimit = _limits.LoopIterations,
        RecursiveLimit = _limits.RecursionDepth,
        OutputLimit = _limits.OutputCharacters,
        OnOutputLimit = ScriptLimitBehavior.Throw,
        LimitToString = _limits.OutputCharacters,
        MemberFilter = _ => false,
        EnableRelaxedMemberAccess = false,
        StrictVariables = true,
        TemplateLoader = null,
        RegexTimeOut = TimeSpan.FromMilliseconds(100),
        CancellationToken = cancellation,
    };

    private static TemplateError Error(string origin, SourceSpan span, string message) =>
        new(string.IsNullOrEmpty(span.FileName) ? origin : span.FileName, span.Start.Line + 1, span.Start.Column + 1, message);
}
