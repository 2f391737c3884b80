namespace Sozialplattform.Documents.Templating;

/// <summary>A template's text and where it came from (a file path, or "builtin:…" for the shipped ones).</summary>
public sealed record TemplateSource(string Name, string Language, string Origin, string Text);
