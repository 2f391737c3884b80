using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Tenants;

/// <summary>
/// A tenant's text overrides for one form: <c>tenants/&lt;tenant&gt;/texts/&lt;form-id&gt;.json</c> =
/// <c>{"form": "buergergeld", "version": "1.0.0", "texts": {"&lt;address&gt;": {"de": "…", "en": "…"}}}</c>.
/// Without <c>version</c> the overrides apply to every version of the form.
/// </summary>
/// <remarks>
/// Addresses: <c>form.title|shortTitle|description|help</c>, <c>pages.&lt;pageId&gt;.title|description</c>,
/// <c>items.&lt;key&gt;[.&lt;key&gt;…].label|hint|help|text|title|placeholder|outputLabel</c> (keys through groups, as in
/// the answers), <c>items.&lt;key path&gt;.options.&lt;code&gt;</c> for an inline option, and
/// <c>declarations.&lt;key&gt;</c>. Only the languages given are replaced.
/// </remarks>
public sealed record TenantTexts(string Tenant, string FormId, string? Version, IReadOnlyDictionary<string, JsonObject> Texts)
{
    public static string PathOf(CatalogRoot catalog, string tenant, string formId) =>
        catalog.FullPath($"tenants/{tenant}/texts/{formId}.json");

    /// <summary>The overrides of a tenant for a form, or null when the tenant has none.</summary>
    public static TenantTexts? Load(CatalogRoot catalog, string tenant, string formId)
    {
        var path = PathOf(catalog, tenant, formId);
        return File.Exists(path) ? Read(tenant, CatalogJson.ReadObject(path), path) : null;
    }

    public static IReadOnlyList<TenantTexts> LoadAll(CatalogRoot catalog, string tenant)
    {
        var folder = catalog.FullPath($"tenants/{tenant}/texts");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => Read(tenant, CatalogJson.ReadObject(path), path)).ToList();
    }

    public static TenantTexts Read(string tenant, JsonObject json, string name)
    {
        var form = CatalogJson.String(json, "form") ?? throw new CatalogException($"{name}: 'form' (the form id) is missing.");
        if (Path.GetFileNameWithoutExtension(name) is var file && file != form && name.EndsWith(".json", StringComparison.Ordinal))
            throw new CatalogException($"{name}: the file is named after form '{file}' but says \"form\": \"{form}\".");
        if (json["texts"] is not JsonObject texts) throw new CatalogException($"{name}: 'texts' must be an object of address → text.");
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (address, text) in texts)
        {
            if (text is not JsonObject languages || languages.Count == 0 || languages.Any(l => l.Value is not JsonValue))
                throw new CatalogException($"{name}: the text for '{address}' must be an object like {{\"de\": \"…\", \"en\": \"…\"}}.");
            result[address] = languages;
        }
        return new TenantTexts(tenant, form, CatalogJson.String(json, "version"), result);
    }
}
