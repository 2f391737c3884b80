namespace Sozialplattform.Fim.Definitions;

/// <summary>A <c>legalBasis</c> entry.</summary>
public sealed record LegalReferenceDocument(LocalizedText Text, string? Link = null);
