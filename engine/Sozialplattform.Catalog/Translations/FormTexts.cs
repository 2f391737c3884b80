using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sozialplattform.Catalog.Translations;

/// <summary>One translatable text of a definition: where it is, what it belongs to, its German wording and the target's.</summary>
public sealed record TextUnit(string Id, string Context, string German, string? Target);

/// <summary>
/// Every text of a form, block or code list file, found the same way for export and import: a language object
/// (<c>{"de": …, "en": …}</c>) anywhere, or a plain German string under a text property. A text's id is its path by
/// keys, ids and codes (<c>pages[person].items[vorname].label</c>), so it survives moving and inserting elements.
/// Author notes, FIM references, rules and legal citations (which stay German) are not texts.
/// </summary>
public static partial class FormTexts
{
    private static readonly HashSet<string> TextProperties =
        ["label", "title", "hint", "help", "placeholder", "outputLabel", "unit", "text", "description", "message", "addLabel", "rowLabel", "summary"];

    private static readonly HashSet<string> NotTexts = ["notes", "fim", "legalBasis", "visibleIf", "requiredIf", "readOnlyIf", "value", "when", "default"];

    public static IReadOnlyList<TextUnit> Units(JsonObject definition, string language) =>
        Locate(definition).Select(t => new TextUnit(t.Id, t.Context, CatalogJson.GermanText(t.Text), TextIn(t.Text, language))).ToList();

    /// <summary>The texts with their place in the definition, so that an import can set a language.</summary>
    public static IReadOnlyList<LocatedText> Locate(JsonObject definition)
    {
        var found = new List<LocatedText>();
        Walk(definition, "", "", found, 0);
        return found;
    }

    /// <summary>The placeholders of a text (<c>{n}</c>), which a translation must keep.</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string? TextIn(JsonNode text, string language) =>
        text is JsonObject o && o[language] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static void Walk(JsonObject node, string path, string context, List<LocatedText> found, int depth)
    {
        if (depth > 64) return;
        var here = Describe(node) is { } description ? description : context;
        foreach (var (name, value) in node.ToList())
        {
            if (value is null || NotTexts.Contains(name)) continue;
            var id = path.Length == 0 ? name : $"{path}.{name}";
            if (IsLanguageObject(value) || (value is JsonValue v && v.TryGetValue<string>(out _) && TextProperties.Contains(name)))
                found.Add(new LocatedText(id, $"{here} — {name}".TrimStart(' ', '—'), value, node, name));
            else if (name == "messages" && value is JsonObject messages)
            {
                foreach (var (code, message) in messages.ToList())
                {
                    if (IsLanguageObject(message) || (message is JsonValue m && m.TryGetValue<string>(out _)))
                        found.Add(new LocatedText($"{id}.{code}", $"{here} — message {code}".TrimStart(' ', '—'), message!, messages, code));
                }
            }
            else if (value is JsonObject child) Walk(child, id, here, found, depth + 1);
            else if (value is JsonArray array) WalkArray(array, id, here, name, found, depth + 1);
        }
    }

    private static void WalkArray(JsonArray array, string path, string context, string name, List<LocatedText> found, int depth)
    {
        var names = array.Select(Name).ToList();
        for (var i = 0; i < array.Count; i++)
        {
            var unique = names[i] is { } n && names.Count(x => x == n) == 1;
            var id = $"{path}[{(unique ? names[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture))}]";
            switch (array[i])
            {
                case JsonNode text when IsLanguageObject(text) || (name == "requiredDocuments" && text is JsonValue):
                    found.Add(new LocatedText(id, $"{context} — {name}".TrimStart(' ', '—'), text, null, name, array, i)); break;
                case JsonObject element: Walk(element, id, context, found, depth); break;
            }
        }
    }

    private static string? Name(JsonNode? element) =>
        element is JsonObject o ? CatalogJson.String(o, "key") ?? CatalogJson.String(o, "id") ?? CatalogJson.String(o, "code") : null;

    private static string? Describe(JsonObject node)
    {
        var name = CatalogJson.String(node, "key") ?? CatalogJson.String(node, "id") ?? CatalogJson.String(node, "code");
        if (name is null) return null;
        var label = node["label"] ?? node["title"];
        return label is null ? name : $"„{CatalogJson.GermanText(label)}“ ({name})";
    }

    internal static bool IsLanguageObject(JsonNode? node) =>
        node is JsonObject o && o.Count > 0 && o["de"] is JsonValue && o.All(p => LanguageCode().IsMatch(p.Key) && p.Value is JsonValue pv && pv.TryGetValue<string>(out _));

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"\{[A-Za-z0-9_]+\}")]
    private static partial Regex Placeholder();
}

/// <summary>A text and where it sits: a property of <see cref="Owner"/>, or element <see cref="Index"/> of <see cref="Array"/>.</summary>
public sealed record LocatedText(string Id, string Context, JsonNode Text, JsonObject? Owner, string Property, JsonArray? Array = null, int Index = -1)
{
    /// <summary>The JSON path of the object that holds the text (or of the object that holds its array), without <c>$.</c>.</summary>
    public string OwnerPath
    {
        get
        {
            var path = ((JsonNode?)Owner ?? Array!.Parent!).GetPath();
            return path == "$" ? "" : path[2..];
        }
    }

    /// <summary>The text with <paramref name="language"/> set, as a new node (a plain German string becomes a language object).</summary>
    public JsonObject WithLanguage(string language, string value)
    {
        var text = Text is JsonObject texts ? (JsonObject)texts.DeepClone() : new JsonObject { ["de"] = CatalogJson.GermanText(Text) };
        text[language] = value;
        return text;
    }

    /// <summary>Sets <paramref name="language"/> in the definition the text was found in.</summary>
    public void Set(string language, string value)
    {
        var text = WithLanguage(language, value);
        if (Array is not null) Array[Index] = text;
        else Owner![Property] = text;
    }
}
