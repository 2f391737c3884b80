using System.Text.Json.Nodes;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Designer.Preview;

/// <summary>A file the author chose in the preview: only what the browser tells about it, the content stays there.</summary>
public sealed record PreviewFile(string Name, string MediaType, long Size);

/// <summary>
/// The controls of one field in the preview, named as in the portal's form (<c>path</c>, parts as <c>path.part</c>), so
/// the field type reads them exactly as it reads a posted page: addresses by part, multiple choices by every ticked box.
/// </summary>
public sealed class PreviewInput(string path, IReadOnlyDictionary<string, string[]> values) : IFormInput
{
    private const int MaxValues = 100;
    private const int MaxLength = 10_000;

    public IReadOnlyList<string> Values(string? part = null) =>
        values.TryGetValue(part is null ? path : $"{path}.{part}", out var found)
            ? found.Take(MaxValues).Select(v => v.Length > MaxLength ? v[..MaxLength] : v).ToList()
            : [];

    /// <summary>Stand-in attachments for chosen files (no content is sent or stored): name, type and size as chosen.</summary>
    public static JsonNode? StandInFiles(IReadOnlyList<PreviewFile> files)
    {
        if (files.Count == 0) return null;
        var array = new JsonArray();
        foreach (var (file, index) in files.Take(MaxValues).Select((f, i) => (f, i)))
            array.Add(new JsonObject
            {
                ["id"] = $"vorschau-{index + 1}",
                ["name"] = file.Name.Length is > 0 and <= 255 ? file.Name : "datei",
                ["size"] = Math.Max(0, file.Size),
                ["mediaType"] = file.MediaType.Contains('/', StringComparison.Ordinal) ? file.MediaType : "application/octet-stream",
                ["sha256"] = new string('0', 64),
            });
        return array;
    }
}
