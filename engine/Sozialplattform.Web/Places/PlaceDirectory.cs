using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Web.Places;

/// <summary>
/// The imported postal-code data (GeoNames, CC BY 4.0) held in memory: places of a postal code, and places by
/// name. Loaded once on first use; without imported data every lookup is empty and only the tenants'
/// postal-code ranges route.
/// </summary>
public sealed class PlaceDirectory(GeoStore geo)
{
    public const string Attribution = "Postleitzahlen: GeoNames (geonames.org), CC BY 4.0";
    private const int MaxResults = 40;

    private readonly Lazy<Task<Index>> _index = new(() => Index.LoadAsync(geo));

    public async Task<bool> HasDataAsync() => (await _index.Value).Areas.Count > 0;

    /// <summary>Every place of a postal code, the usual Kreis first; empty when the code is unknown or there is no data.</summary>
    public async Task<IReadOnlyList<PlaceOption>> ByPostalCodeAsync(string postalCode)
    {
        var index = await _index.Value;
        return index.ByCode.TryGetValue(postalCode, out var areas) ? areas.SelectMany(Options).ToList() : [];
    }

    /// <summary>Places whose name starts with <paramref name="name"/> (case-insensitive), ordered by name and postal code.</summary>
    public async Task<IReadOnlyList<PlaceOption>> ByNameAsync(string name)
    {
        var index = await _index.Value;
        name = name.Trim();
        if (name.Length < 2) return [];
        return index.Areas.SelectMany(Options)
            .Where(o => o.PlaceName!.StartsWith(name, StringComparison.CurrentCultureIgnoreCase))
            .OrderBy(o => o.PlaceName, StringComparer.CurrentCulture).ThenBy(o => o.PostalCode, StringComparer.Ordinal)
            .Take(MaxResults)
            .ToList();
    }

    private static IEnumerable<PlaceOption> Options(PostalCodeArea area) =>
        area.Places.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(place => new PlaceOption(area.PostalCode, area.Kreisschluessel, place, area.KreisName));

    private sealed record Index(IReadOnlyList<PostalCodeArea> Areas, Dictionary<string, List<PostalCodeArea>> ByCode)
    {
        public static async Task<Index> LoadAsync(GeoStore geo)
        {
            var areas = await geo.AllAsync();
            var byCode = areas.GroupBy(a => a.PostalCode)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PlaceCount).ThenBy(a => a.Kreisschluessel, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            return new Index(areas, byCode);
        }
    }
}
