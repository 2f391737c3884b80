using System.Text;
using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Tenants;
using Sozialplattform.Delivery;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Catalog;

/// <summary>
/// The tenant's name, logo and colours (<c>tenants/&lt;tenant&gt;/branding.json</c>, contrast-checked when loaded),
/// served as a small stylesheet of CSS custom properties so that no inline style is needed. Without branding the
/// portal uses its own colours and the name "Sozialplattform".
/// </summary>
public sealed class PortalBranding
{
    private PortalBranding(LocalizedText name, string? logoPath, string css, string source)
    {
        Name = name;
        LogoPath = logoPath;
        Css = css;
        Source = source;
    }

    /// <summary>Where the branding came from, for the start log: the file, or "default" and why.</summary>
    public string Source { get; }

    public LocalizedText Name { get; }

    /// <summary>The logo file on disk, or null.</summary>
    public string? LogoPath { get; }

    public string Css { get; }

    public static PortalBranding Load(DeliveryOptions delivery, PortalOptions portal)
    {
        // The tenant folder may live outside the shared catalog (a partner state's own repository): read it where it is.
        var tenantFolder = Path.GetFullPath(Path.Combine(delivery.TenantsFolder, portal.Tenant));
        var brandingFile = Path.Combine(tenantFolder, "branding.json");
        if (!File.Exists(brandingFile))
            return new PortalBranding(LocalizedText.German("Sozialplattform"), null, ":root {}\n", $"default (no {brandingFile})");

        var branding = TenantBranding.Load(tenantFolder, portal.Tenant);
        var css = new StringBuilder(":root {\n");
        foreach (var (name, color) in branding.Colors.OrderBy(c => c.Key, StringComparer.Ordinal))
            css.Append("  --brand-").Append(Kebab(name)).Append(": ").Append(color).Append(";\n");
        css.Append("}\n");
        var logo = branding.Logo is null ? null : Path.Combine(delivery.TenantsFolder, portal.Tenant, branding.Logo);
        return new PortalBranding(LocalizedJson.Read(branding.Name), logo, css.ToString(), brandingFile);
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
