using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Places;

/// <summary>
/// The place step's hint and examples ("Zum Beispiel 46325 oder Borken") from the tenant's <c>tenant.json</c>
/// (<c>place</c>), so that a partner state shows its own postal code and place; the portal's text is the default.
/// </summary>
public sealed class PlaceHints(PlaceSettings settings)
{
    public PlaceSettings Settings => settings;

    /// <summary>The hint under the place input: the tenant's own text in this language, else the portal's with the tenant's examples.</summary>
    public string Hint(PortalRequest r) => settings.Hint.GetValueOrDefault(r.Lang) ?? r.T("place.inputHint", settings.ExamplePostalCode, settings.ExamplePlace);

    /// <summary>A place text that may name the examples (<c>place.postalCodeDigits</c>); texts without them are unchanged.</summary>
    public string Text(PortalRequest r, string key) => r.T(key, settings.ExamplePostalCode, settings.ExamplePlace);

    /// <summary>Reads the portal tenant's <c>place</c>; a tenant.json with problems has already stopped the start (the tenant loader runs first).</summary>
    public static PlaceHints Load(DeliveryOptions delivery, PortalOptions portal)
    {
        var folder = Path.Combine(delivery.TenantsFolder, portal.Tenant);
        var settings = Directory.Exists(folder) ? TenantFolderReader.Read(folder).Configuration?.Settings.Place : null;
        return new PlaceHints(settings ?? PlaceSettings.Default);
    }
}
