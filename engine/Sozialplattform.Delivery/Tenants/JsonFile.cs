using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>Reads one configuration file and collects problems instead of stopping at the first.</summary>
internal sealed class JsonFile(string path, string displayName, List<ConfigProblem> problems)
{
    public string Name { get; } = displayName;

    /// <summary>The parsed root object, or null after reporting why not (missing file, malformed JSON with line and column).</summary>
    public JsonObject? ReadRoot()
    {
        if (!File.Exists(path))
        {
            Problem("", $"file is missing (expected at {path})");
            return null;
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (node is JsonObject root) return root;
            Problem("", "the file must contain a JSON object");
        }
        catch (JsonException e)
        {
            Problem("", $"malformed JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {e.Message.Split(" LineNumber:")[0]}");
        }

        return null;
    }

    public void Problem(string entry, string message) => problems.Add(new ConfigProblem(Name, entry, message));

    public string? String(JsonObject obj, string property, string entry, bool required = true)
    {
        var node = obj[property];
        if (node is null)
        {
            if (required) Problem(entry, $"'{property}' is missing");
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0) return text.Trim();
        Problem(entry, $"'{property}' must be a non-empty string");
        return null;
    }

    public JsonObject? Object(JsonObject obj, string property, string entry, bool required = true)
    {
        var node = obj[property];
        if (node is JsonObject o) return o;
        if (node is not null || required) Problem(entry, node is null ? $"'{property}' is missing" : $"'{property}' must be an object");
        return null;
    }

    public JsonArray? Array(JsonObject obj, string property, string entry, bool required = true)
    {
        var node = obj[property];
        if (node is JsonArray a) return a;
        if (node is not null || required) Problem(entry, node is null ? $"'{property}' is missing" : $"'{property}' must be an array");
        return null;
    }
}
