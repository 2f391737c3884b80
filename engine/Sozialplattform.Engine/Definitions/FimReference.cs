namespace Sozialplattform.Engine.Definitions;

/// <summary>The FIM element (XDatenfelder id and version) a form, block or element was derived from.</summary>
public sealed record FimReference(string Id, string? Version);

/// <summary>A note for form authors (e.g. a FIM rule's natural-language text); never shown to citizens.</summary>
public sealed record AuthorNote(string Text, string? Source, FimReference? Fim);
