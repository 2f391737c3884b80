namespace Sozialplattform.Fim.Model;

/// <summary>One <c>struktur</c>: the use of a group or field at a place, with the cardinality and legal reference of that use.</summary>
public sealed record FimUsage(FimCardinality Cardinality, IReadOnlyList<FimLegalReference> LegalReferences, FimElement Element, int Line);
