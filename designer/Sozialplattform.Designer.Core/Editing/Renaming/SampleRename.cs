using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>
/// A renamed key in saved sample answers: the answer at the old key path (through the rows of repeating groups) moves to
/// the new key, and the expected errors' paths (<c>kinder[0].alter</c>) follow. Everything else stays as it was.
/// </summary>
public static class SampleRename
{
    /// <summary>Whether the answers hold the key path (through the rows of repeating groups).</summary>
    public static bool Names(JsonNode? node, IReadOnlyList<string> keys, int at = 0) => node switch
    {
        JsonObject obj => obj.ContainsKey(keys[at]) && (at == keys.Count - 1 || Names(obj[keys[at]], keys, at + 1)),
        JsonArray rows => rows.Any(row => Names(row, keys, at)),
        _ => false,
    };

    /// <summary>A copy of <paramref name="answers"/> with the answer at <paramref name="keys"/> under <paramref name="newKey"/>, in its place.</summary>
    public static JsonObject Answers(JsonObject answers, IReadOnlyList<string> keys, string newKey)
    {
        var copy = (JsonObject)answers.DeepClone();
        Rename(copy, keys, 0, newKey);
        return copy;
    }

    /// <summary>A copy of an <c>invalid.expected.json</c> (<c>{"errors": [{"path", "code"}], "warnings": […]}</c>) with the paths renamed.</summary>
    public static JsonObject Expected(JsonObject expected, IReadOnlyList<string> keys, string newKey)
    {
        var copy = (JsonObject)expected.DeepClone();
        foreach (var list in new[] { "errors", "warnings" })
            foreach (var entry in (copy[list] as JsonArray ?? []).OfType<JsonObject>())
                if (entry["path"] is JsonValue path && path.TryGetValue<string>(out var text)) entry["path"] = ErrorPath(text, keys, newKey);
        return copy;
    }

    /// <summary><c>kinder[0].alter</c> with the key path <c>kinder.alter</c> renamed to <c>jahre</c>: <c>kinder[0].jahre</c>.</summary>
    public static string ErrorPath(string path, IReadOnlyList<string> keys, string newKey)
    {
        var segments = path.Split('.');
        if (segments.Length < keys.Count) return path;
        for (var i = 0; i < keys.Count; i++)
            if (KeyOf(segments[i]) != keys[i]) return path;
        var last = segments[keys.Count - 1];
        segments[keys.Count - 1] = newKey + last[KeyOf(last).Length..];
        return string.Join('.', segments);
    }

    private static string KeyOf(string segment) => segment.IndexOf('[', StringComparison.Ordinal) is var bracket and >= 0 ? segment[..bracket] : segment;

    private static void Rename(JsonNode? node, IReadOnlyList<string> keys, int at, string newKey)
    {
        switch (node)
        {
            case JsonArray rows:
                foreach (var row in rows) Rename(row, keys, at, newKey);
                break;
            case JsonObject obj when obj.ContainsKey(keys[at]):
                if (at < keys.Count - 1)
                {
                    Rename(obj[keys[at]], keys, at + 1, newKey);
                    break;
                }

                // Keep the answer's place among its siblings: rebuild the object in order.
                var entries = obj.ToList();
                obj.Clear();
                foreach (var (name, value) in entries) obj[name == keys[at] ? newKey : name] = value;
                break;
        }
    }
}
