namespace Sozialplattform.Engine.Definitions;

/// <summary>One selectable option: a code and its label per language.</summary>
public sealed record Option(string Code, LocalizedText Label, LocalizedText Hint);

/// <summary>A list of codes with labels, identified by id and version (the shape of an OASIS genericode list).</summary>
public sealed record CodeList(string Id, string Version, LocalizedText Name, string? CanonicalUri, IReadOnlyList<Option> Items)
{
    public string Reference => $"{Id}@{Version}";
}
