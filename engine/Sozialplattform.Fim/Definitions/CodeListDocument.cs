using System.Text.Json.Serialization;

namespace Sozialplattform.Fim.Definitions;

/// <summary>A code list file (schemas/code-list.schema.json), referenced as <c>id@version</c>.</summary>
public sealed class CodeListDocument
{
    public required string Id { get; set; }
    public required string Version { get; set; }
    public LocalizedText? Name { get; set; }
    public string? CanonicalUri { get; set; }
    public string? CanonicalVersionUri { get; set; }
    public string? Source { get; set; }
    public List<OptionDocument> Items { get; set; } = [];

    [JsonIgnore]
    public string Reference => $"{Id}@{Version}";
}
