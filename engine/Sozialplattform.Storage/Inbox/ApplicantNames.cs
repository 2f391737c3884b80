using System.Text.Json.Nodes;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// Finds names in a submission's answers by their keys (the catalog's person block: <c>familienname</c>,
/// <c>nachname</c>, <c>vorname</c>, <c>geburtsname</c>, and <c>name</c>), for the inbox list and its name search.
/// </summary>
public static class ApplicantNames
{
    public static readonly IReadOnlySet<string> FamilyNameKeys = new HashSet<string>(StringComparer.Ordinal) { "familienname", "nachname" };
    public static readonly IReadOnlySet<string> NameKeys = new HashSet<string>(StringComparer.Ordinal) { "familienname", "nachname", "vorname", "geburtsname", "name" };

    /// <summary>"Familienname, Vorname" of the first group outside repeating groups that has a family name (or a top-level <c>name</c>), else null.</summary>
    public static string? DisplayName(JsonObject answers)
    {
        foreach (var group in GroupsOutsideRows(answers))
        {
            var family = FamilyNameKeys.Select(k => Text(group[k])).FirstOrDefault(t => t is not null);
            if (family is not null) return Text(group["vorname"]) is { } given ? $"{family}, {given}" : family;
        }

        return Text(answers["name"]);
    }

    /// <summary>Every word of every answer under a name key, anywhere in the answers (household members included).</summary>
    public static IReadOnlyList<string> SearchWords(JsonObject answers) =>
        Values(answers).SelectMany(NameWords.Of).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<JsonObject> GroupsOutsideRows(JsonObject group)
    {
        yield return group;
        foreach (var (_, value) in group)
            if (value is JsonObject inner)
                foreach (var nested in GroupsOutsideRows(inner)) yield return nested;
    }

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => NameKeys.Contains(p.Key) && Text(p.Value) is { } text ? [text] : Values(p.Value)),
        JsonArray array => array.SelectMany(Values),
        _ => [],
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
