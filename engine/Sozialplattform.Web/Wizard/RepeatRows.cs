using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// Rows of repeating groups in the raw answers: every repeating group gets its minimum number of (empty) rows
/// so that the page shows them, and the add and remove buttons change the rows within min and max.
/// </summary>
public static class RepeatRows
{
    public static void EnsureMinimum(GroupDefinition group, JsonObject answers)
    {
        foreach (var item in group.Items.OfType<GroupDefinition>())
        {
            if (item.Repeat is { } repeat)
            {
                if (answers[item.Key] is null && repeat.Min > 0) answers[item.Key] = new JsonArray();
                if (answers[item.Key] is not JsonArray rows) continue;
                while (rows.Count < repeat.Min) rows.Add(InitialAnswers.For(item));
                foreach (var row in rows.OfType<JsonObject>()) EnsureMinimum(item, row);
            }
            else
            {
                var existing = answers[item.Key] as JsonObject;
                var child = existing ?? [];
                EnsureMinimum(item, child);
                if (existing is null && child.Count > 0 && answers[item.Key] is null) answers[item.Key] = child;
            }
        }
    }

    /// <summary>Adds an empty row to the repeating group at <paramref name="path"/>; false at the maximum.</summary>
    /// <summary>Adds a row at the end; its path (<c>mitglieder[2]</c>), or null at the maximum.</summary>
    public static string? Add(JsonObject answers, string path, GroupDefinition group)
    {
        var rows = Rows(answers, path, create: true)!;
        if (rows.Count >= group.Repeat!.Max) return null;
        rows.Add(InitialAnswers.For(group));
        return $"{path}[{rows.Count - 1}]";
    }

    /// <summary>Removes the row at <paramref name="rowPath"/> (<c>mitglieder[2]</c>); false at the minimum.</summary>
    public static bool Remove(JsonObject answers, string rowPath, RepeatSettings repeat)
    {
        var bracket = rowPath.LastIndexOf('[');
        if (bracket < 0 || !int.TryParse(rowPath.AsSpan(bracket + 1, rowPath.Length - bracket - 2), out var index)) return false;
        var rows = Rows(answers, rowPath[..bracket], create: false);
        if (rows is null || index < 0 || index >= rows.Count || rows.Count <= repeat.Min) return false;
        rows.RemoveAt(index);
        return true;
    }

    private static JsonArray? Rows(JsonObject answers, string path, bool create)
    {
        JsonNode? current = answers;
        var segments = AnswerPath.Parse(path);
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            current = (segments[i], current) switch
            {
                (AnswerPath.Key key, JsonObject obj) when last && obj[key.Name] is null && create => obj[key.Name] = new JsonArray(),
                (AnswerPath.Key key, JsonObject obj) => obj[key.Name],
                (AnswerPath.Index index, JsonArray array) when index.Value < array.Count => array[index.Value],
                _ => null,
            };
            if (current is null) return null;
        }

        return current as JsonArray;
    }
}
