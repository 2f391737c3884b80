namespace Sozialplattform.Fim.Definitions;

/// <summary>An author note (never shown to citizens), e.g. a FIM rule's natural-language text.</summary>
public sealed record NoteDocument(string Text, string? Source = null, FimReference? Fim = null);
