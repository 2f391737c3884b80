using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Preview;

/// <summary>The sample answers beside a published form (<c>answers/*.json</c>, without the expected errors) by file name.</summary>
public static class SampleAnswers
{
    public static IReadOnlyDictionary<string, JsonObject> For(string catalogDirectory, string formId, string? version)
    {
        var result = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        if (version is null || !Names.IsFormId(formId) || !Names.IsVersion(version)) return result;
        var folder = Path.Combine(catalogDirectory, "forms", formId, version, "answers");
        if (!Directory.Exists(folder)) return result;
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllBytes(file)) is JsonObject answers) result[Path.GetFileNameWithoutExtension(file)] = answers;
            }
            catch (JsonException)
            {
                // A broken sample is left out of the list; the catalog lint reports it.
            }
        }

        return result;
    }
}
