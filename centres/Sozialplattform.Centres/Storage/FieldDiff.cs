using System.Text.Json.Nodes;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Storage;

/// <summary>One changed field between two versions of a record: its JSON path, the old and the new value (null: absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>The field-by-field difference of two records, from their JSON (so every field, present and future, is covered).</summary>
public static class FieldDiff
{
    public static IReadOnlyList<FieldChange> Between(CentreRecord? before, CentreRecord after) =>
        Between(before is null ? null : CentreJson.Write(before), CentreJson.Write(after));

    public static IReadOnlyList<FieldChange> Between(string? beforeJson, string afterJson)
    {
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New).ToList();
    }

    private static Dictionary<string, string> Flatten(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is not null) Walk(JsonNode.Parse(json), "", fields);
        return fields;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj) Walk(child, path.Length == 0 ? name : $"{path}.{name}", fields);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", fields);
                break;
            case JsonValue value:
                fields[path] = value.ToString();
                break;
        }
    }
}
