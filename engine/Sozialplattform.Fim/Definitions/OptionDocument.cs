namespace Sozialplattform.Fim.Definitions;

/// <summary>One option of a choice or code list.</summary>
public sealed record OptionDocument(string Code, LocalizedText Label, LocalizedText? Hint = null);
