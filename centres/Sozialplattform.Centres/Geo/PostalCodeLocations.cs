using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Centres.Geo;

/// <summary>One postal code as the finder needs it: the usual Kreis (5-digit ARS), its state and the position.</summary>
public sealed record PostalCodePlace(string PostalCode, string Kreis, string KreisName, string Places, GeoPoint? Position)
{
    /// <summary>The municipality (12-digit ARS) when the search named one in this Kreis; postal-code data alone knows only the Kreis.</summary>
    public string? Municipality { get; init; }

    public string State => Kreis[..2];
}

/// <summary>
/// The postal-code data the portal imported (<see cref="GeoStore"/>, GeoNames, CC BY 4.0) as the finder's lookup:
/// position and Kreis of a postal code, and postal codes by place name. Loaded once; <see cref="ReloadAsync"/> after an import.
/// </summary>
public sealed class PostalCodeLocations
{
    private readonly GeoStore _geo;
    private Task<Dictionary<string, PostalCodePlace>> _byCode;

    public PostalCodeLocations(GeoStore geo)
    {
        _geo = geo;
        _byCode = LoadAsync();
    }

    /// <summary>A lookup over fixed places (tests and benchmarks without a database).</summary>
    public static PostalCodeLocations Of(IEnumerable<PostalCodePlace> places) => new(places);

    private PostalCodeLocations(IEnumerable<PostalCodePlace> places)
    {
        _geo = null!;
        _byCode = Task.FromResult(places.ToDictionary(p => p.PostalCode, StringComparer.Ordinal));
    }

    public Task ReloadAsync() => _byCode = LoadAsync();

    public async Task<bool> HasDataAsync() => (await _byCode).Count > 0;

    public async Task<PostalCodePlace?> FindAsync(string postalCode) => (await _byCode).GetValueOrDefault(postalCode);

    /// <summary>Postal codes whose place names start with <paramref name="name"/>, the most populous Kreis first.</summary>
    public async Task<IReadOnlyList<PostalCodePlace>> ByPlaceNameAsync(string name, int max = 20)
    {
        name = name.Trim();
        if (name.Length < 2) return [];
        return (await _byCode).Values
            .Where(p => p.Places.Split("; ").Any(place => place.StartsWith(name, StringComparison.CurrentCultureIgnoreCase)))
            .OrderBy(p => p.PostalCode, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>The postal code whose mean position is nearest to <paramref name="position"/>, if one lies within <paramref name="maxKm"/>.</summary>
    public async Task<PostalCodePlace?> NearestAsync(GeoPoint position, double maxKm = 30)
    {
        var nearest = (await _byCode).Values.Where(p => p.Position is not null)
            .MinBy(p => Math.Pow(p.Position!.Value.Latitude - position.Latitude, 2) + Math.Pow((p.Position.Value.Longitude - position.Longitude) * Math.Cos(position.Latitude * Math.PI / 180), 2));
        return nearest is not null && Distance.Kilometres(position, nearest.Position!.Value) <= maxKm ? nearest : null;
    }

    public async Task<bool> AnyInRangeAsync(Search.PostalCodeRange range) => (await _byCode).Keys.Any(range.Contains);

    public async Task<bool> HasKreisAsync(string kreis) => (await _byCode).Values.Any(p => p.Kreis == kreis);

    private async Task<Dictionary<string, PostalCodePlace>> LoadAsync()
    {
        var areas = await _geo.AllAsync();
        return areas.GroupBy(a => a.PostalCode)
            .Select(g => g.OrderByDescending(a => a.PlaceCount).ThenBy(a => a.Kreisschluessel, StringComparer.Ordinal).First())
            .ToDictionary(a => a.PostalCode, a => new PostalCodePlace(a.PostalCode, a.Kreisschluessel, a.KreisName, a.Places,
                a.Latitude is { } lat && a.Longitude is { } lon ? new GeoPoint(lat, lon) : null), StringComparer.Ordinal);
    }
}
