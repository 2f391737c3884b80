using System.Text.RegularExpressions;

namespace Sozialplattform.Web.Catalog;

/// <summary>
/// Entries from other portals of the Portalverbund: a service by its LeiKa key (<c>/{lang}/leistungen/leika/{key}</c>)
/// with an optional place (<c>?ort=</c>, a postal code or a place name) that the place step then searches for.
/// </summary>
public static partial class DeepLinks
{
    /// <summary>The offered services that carry <paramref name="key"/> (a LeiKa key is 14 digits); none for anything else.</summary>
    public static IReadOnlyList<CatalogForm> ByLeikaKey(FormCatalog catalog, string key) =>
        LeikaKey().IsMatch(key) ? catalog.Offered.Where(f => f.Definition.Service.LeikaKeys.Contains(key)).ToList() : [];

    /// <summary>The handed-over place if it is one (five digits, or a name of letters, spaces, hyphens and dots); otherwise ignored.</summary>
    public static string? Place(string? text) =>
        text?.Trim() is { Length: > 0 } place && PlaceText().IsMatch(place) ? place : null;

    [GeneratedRegex(@"^[0-9]{14}$")]
    private static partial Regex LeikaKey();

    [GeneratedRegex(@"^([0-9]{5}|[\p{L}][\p{L} .\-]{0,59})$")]
    private static partial Regex PlaceText();
}
