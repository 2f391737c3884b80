namespace Sozialplattform.Documents.Templating;

/// <summary>A problem in a template: where (file, 1-based line and column) and what, for the operator who wrote it.</summary>
public sealed record TemplateError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}

/// <summary>The rendered text, or the errors that prevented it (errors as data).</summary>
public sealed record TemplateResult(string? Text, IReadOnlyList<TemplateError> Errors, string? Source)
{
    public bool Succeeded => Text is not null;

    public static TemplateResult Rendered(string text, string source) => new(text, [], source);

    public static TemplateResult Failed(string? source, params TemplateError[] errors) => new(null, errors, source);
}
