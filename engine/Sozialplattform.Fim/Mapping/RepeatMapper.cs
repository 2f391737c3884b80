using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// <c>anzahl</c> of a group use → <c>repeat</c>. 1:1 is a plain group (its required fields stay required);
/// everything else is a list of rows, so that 0:1 means "may be left out entirely" and its required fields
/// are required only in a row that exists.
/// </summary>
public static class RepeatMapper
{
    public static RepeatDocument? From(FimCardinality cardinality) =>
        cardinality is { Min: 1, Max: 1 } ? null : new RepeatDocument(cardinality.Min, cardinality.Max is { } max ? Math.Max(max, 1) : null);

    public static FimCardinality ToCardinality(RepeatDocument? repeat) =>
        repeat is null ? FimCardinality.RequiredOnce : new FimCardinality(repeat.Min ?? 0, repeat.Max);
}
