using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Preview;

/// <summary>The sample answers of a published form (<c>answers/*.json</c>, without the expected errors) by file name.</summary>
public static class SampleAnswers
{
    public static IReadOnlyDictionary<string, JsonObject> For(FormWorkspace workspace, string formId, string? version) =>
        From(workspace.SampleAnswerFiles(formId, version));

    /// <summary>The answers among sample files (file name → bytes), by name without <c>.json</c>.</summary>
    public static IReadOnlyDictionary<string, JsonObject> From(IReadOnlyDictionary<string, byte[]> files)
    {
        var result = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (file, bytes) in files.Where(f => f.Key.EndsWith(".json", StringComparison.Ordinal) && !f.Key.EndsWith(".expected.json", StringComparison.Ordinal)))
        {
            try
            {
                if (JsonNode.Parse(bytes) is JsonObject answers) result[Path.GetFileNameWithoutExtension(file)] = answers;
            }
            catch (JsonException)
            {
                // A broken sample is left out of the list; the catalog lint reports it.
            }
        }

        return result;
    }
}
