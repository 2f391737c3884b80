using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Tenants;

/// <summary>
/// Applies a tenant's text overrides on top of a shared definition without changing it: the result is a copy
/// of the definition JSON with the addressed texts replaced per language. Every address must exist in the
/// definition and every language must be one the form declares, so overrides cannot silently stop working
/// when a new version of the form changes.
/// </summary>
public static class TextOverrides
{
    private static readonly HashSet<string> FormTexts = ["title", "shortTitle", "description", "help"];
    private static readonly HashSet<string> PageTexts = ["title", "description"];
    private static readonly HashSet<string> ItemTexts = ["label", "hint", "help", "text", "title", "placeholder", "outputLabel"];

    /// <summary>The definition with the overrides applied; the original is not changed. Overrides for another version are not applied.</summary>
    public static JsonObject Apply(JsonObject definition, TenantTexts overrides)
    {
        var problems = Check(definition, overrides);
        if (problems.Count > 0)
            throw new CatalogException($"Text overrides of tenant '{overrides.Tenant}' for form '{overrides.FormId}' do not fit the definition:\n- " + string.Join("\n- ", problems));

        var copy = (JsonObject)definition.DeepClone();
        if (!AppliesTo(copy, overrides)) return copy;
        foreach (var (address, text) in overrides.Texts)
        {
            var (owner, property) = Locate(copy, address, out _)!.Value;
            owner[property] = Merge(owner[property], text);
        }
        return copy;
    }

    /// <summary>What is wrong with the overrides for this definition (empty when they fit).</summary>
    public static IReadOnlyList<string> Check(JsonObject definition, TenantTexts overrides)
    {
        var problems = new List<string>();
        var id = CatalogJson.String(definition, "id");
        if (id != overrides.FormId) problems.Add($"the overrides are for form '{overrides.FormId}', the definition is '{id}'");
        if (!AppliesTo(definition, overrides)) return problems;
        var languages = (definition["languages"] as JsonArray)?.Select(l => l?.ToString() ?? "").ToHashSet() ?? ["de"];
        foreach (var (address, text) in overrides.Texts)
        {
            if (Locate(definition, address, out var problem) is null) problems.Add($"'{address}': {problem}");
            foreach (var language in text.Select(t => t.Key).Where(l => !languages.Contains(l)))
                problems.Add($"'{address}': language '{language}' is not one of the form's languages ({string.Join(", ", languages)})");
        }
        return problems;
    }

    private static bool AppliesTo(JsonObject definition, TenantTexts overrides) =>
        overrides.Version is null || overrides.Version == CatalogJson.String(definition, "version");

    private static JsonObject Merge(JsonNode? original, JsonObject replacement)
    {
        var merged = original switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            JsonValue v => new JsonObject { ["de"] = v.DeepClone() },
            _ => new JsonObject(),
        };
        foreach (var (language, value) in replacement) merged[language] = value?.DeepClone();
        return merged;
    }

    /// <summary>The object and property an address names, or null with the reason.</summary>
    private static (JsonObject Owner, string Property)? Locate(JsonObject definition, string address, out string problem)
    {
        problem = "";
        var parts = address.Split('.');
        switch (parts[0])
        {
            case "form" when parts.Length == 2 && FormTexts.Contains(parts[1]):
                return (definition, parts[1]);
            case "pages" when parts.Length == 3 && PageTexts.Contains(parts[2]):
                var page = CatalogJson.Objects(definition["pages"]).FirstOrDefault(p => CatalogJson.String(p, "id") == parts[1]);
                if (page is null) { problem = $"the form has no page '{parts[1]}'"; return null; }
                return (page, parts[2]);
            case "declarations" when parts.Length == 2:
                var declaration = CatalogJson.Objects(definition["declarations"]).FirstOrDefault(d => CatalogJson.String(d, "key") == parts[1]);
                if (declaration is null) { problem = $"the form has no declaration '{parts[1]}'"; return null; }
                return (declaration, "text");
            case "items" when parts.Length >= 3:
                return LocateItem(definition, parts[1..], out problem);
            default:
                problem = "not a text address (form.<title|shortTitle|description|help>, pages.<id>.<title|description>, items.<key path>.<label|hint|help|text|title|placeholder|outputLabel>, items.<key path>.options.<code>, declarations.<key>)";
                return null;
        }
    }

    private static (JsonObject Owner, string Property)? LocateItem(JsonObject definition, string[] parts, out string problem)
    {
        problem = "";
        var optionAt = Array.IndexOf(parts, "options");
        var keys = optionAt > 0 ? parts[..optionAt] : parts[..^1];
        IEnumerable<JsonObject> siblings = CatalogJson.Objects(definition["pages"]).SelectMany(p => CatalogJson.Objects(p["items"]));
        JsonObject? item = null;
        foreach (var key in keys)
        {
            if (item is not null && CatalogJson.String(item, "block") is { } block)
            {
                problem = $"'{CatalogJson.String(item, "key")}' uses building block {block}; texts inside a block are shared by every form – override the use's title, hint or help instead";
                return null;
            }
            item = siblings.FirstOrDefault(i => CatalogJson.String(i, "key") == key);
            if (item is null) { problem = $"no item '{key}' at that place in the form"; return null; }
            siblings = CatalogJson.Objects(item["items"]);
        }
        if (optionAt > 0)
        {
            if (parts.Length != optionAt + 2) { problem = "an option address ends with the option code"; return null; }
            var option = CatalogJson.Objects(item!["options"]).FirstOrDefault(o => CatalogJson.String(o, "code") == parts[^1]);
            if (option is null) { problem = $"'{keys[^1]}' has no inline option '{parts[^1]}' (options from code lists cannot be overridden per tenant)"; return null; }
            return (option, "label");
        }
        if (!ItemTexts.Contains(parts[^1])) { problem = $"'{parts[^1]}' is not a text property of an item"; return null; }
        return (item!, parts[^1]);
    }
}
