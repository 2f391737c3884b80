using System.Globalization;
using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Tenants;

/// <summary>
/// <c>tenants/&lt;tenant&gt;/branding.json</c>: name, logo and colours of a partner state's portal (its footer links come from its pages, <see cref="TenantPages"/>).
/// Colour pairs must reach the WCAG 2.1 AA contrast of 4.5:1 so that no tenant can make the portal unreadable.
/// </summary>
public sealed record TenantBranding(string Tenant, JsonObject Name, JsonObject ShortName, string? Logo, IReadOnlyDictionary<string, string> Colors)
{
    public const double MinimumContrast = 4.5;

    /// <summary>Colour pairs (foreground, background) that are checked for contrast.</summary>
    public static readonly IReadOnlyList<(string Foreground, string Background)> ContrastPairs =
        [("onPrimary", "primary"), ("onAccent", "accent"), ("text", "background"), ("primary", "background")];

    public static TenantBranding Load(CatalogRoot catalog, string tenant) => Load(catalog.FullPath($"tenants/{tenant}"), tenant);

    /// <summary>Reads the branding of a tenant folder wherever it is (also outside the shared catalog).</summary>
    public static TenantBranding Load(string tenantFolder, string tenant)
    {
        var path = Path.Combine(tenantFolder, "branding.json");
        if (!File.Exists(path)) throw new CatalogException($"Tenant '{tenant}' has no branding.json.");
        var json = CatalogJson.ReadObject(path);
        var problems = new List<string>();
        var name = json["name"] as JsonObject;
        var shortName = json["shortName"] as JsonObject;
        if (name is null || !name.ContainsKey("de") || !name.ContainsKey("en")) problems.Add("'name' needs de and en");
        if (shortName is null || !shortName.ContainsKey("de") || !shortName.ContainsKey("en")) problems.Add("'shortName' needs de and en");
        if (json.ContainsKey("links")) problems.Add("'links' is not read: the footer links to the tenant's own pages in pages/ (Impressum, Datenschutz, Barrierefreiheit, Hilfe; see docs/PORTAL.md)");
        if (CatalogJson.String(json, "tenant") is { } declared && declared != tenant) problems.Add($"'tenant' says '{declared}' but the folder is '{tenant}'");

        var logo = CatalogJson.String(json, "logo");
        if (logo is not null && (logo.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(logo) || !File.Exists(Path.Combine(tenantFolder, logo))))
            problems.Add($"logo '{logo}' is not a file in the tenant folder");
        else if (logo is not null && logo.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            problems.AddRange(LogoText.Problems(File.ReadAllText(Path.Combine(tenantFolder, logo))).Select(p => $"logo '{logo}': {p}"));

        var colors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in json["colors"] as JsonObject ?? [])
        {
            var text = value?.ToString() ?? "";
            if (!IsHexColor(text)) problems.Add($"colour '{key}' is '{text}', expected #RRGGBB");
            else colors[key] = text;
        }
        foreach (var (foreground, background) in ContrastPairs)
        {
            if (!colors.TryGetValue(foreground, out var fg) || !colors.TryGetValue(background, out var bg))
            {
                problems.Add($"colours '{foreground}' and '{background}' are both needed");
                continue;
            }
            var ratio = Contrast(fg, bg);
            if (ratio < MinimumContrast)
                problems.Add($"'{foreground}' {fg} on '{background}' {bg} has a contrast of {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1, WCAG AA needs {MinimumContrast}:1");
        }
        if (problems.Count > 0) throw new CatalogException($"tenants/{tenant}/branding.json:\n- " + string.Join("\n- ", problems));
        return new TenantBranding(tenant, name!, shortName!, logo, colors);
    }

    private static bool IsHexColor(string text) =>
        text.Length == 7 && text[0] == '#' && text[1..].All(Uri.IsHexDigit);

    /// <summary>WCAG 2.1 contrast ratio of two #RRGGBB colours.</summary>
    public static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string color)
    {
        double Channel(int offset)
        {
            var c = int.Parse(color.AsSpan(offset, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
