using Sozialplattform.Delivery.Routing;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Places;

/// <summary>The outcome of a place search: the places to choose from, or the place already decided.</summary>
public sealed record PlaceSearch(IReadOnlyList<PlaceOption> Options, bool Ambiguous);

/// <summary>
/// Turns what the citizen typed (a postal code or a municipality) into places, and a chosen place into the
/// responsible authorities through the tenant's routing table (postal-code ranges, else Kreis by geo data). Where the
/// tenant lists the Gemeinden of a Kreis (<c>municipalities.json</c>), a place is its Gemeinde (12-digit ARS) and a
/// postal code in several Gemeinden is a choice, like one in several Kreise.
/// </summary>
public sealed class PlaceSelection(PlaceDirectory places, Router router, PortalOptions options, TenantFolderRouting folders)
{
    public async Task<PlaceSearch> SearchAsync(string input)
    {
        input = input.Trim();
        if (input.Length == 5 && input.All(char.IsAsciiDigit))
        {
            var found = await ByPostalCodeAsync(input);
            // With the postal codes loaded, a code that is not among them does not exist (99999): no office to look for.
            if (found.Count == 0) return await places.HasDataAsync() ? new PlaceSearch([], false) : new PlaceSearch([new PlaceOption(input, null, null, null)], false);
            var kreise = found.Select(o => o.Ars).Distinct().Count();
            return kreise == 1 ? new PlaceSearch([Combine(found)], false) : new PlaceSearch(found, true);
        }

        var byName = (await places.ByNameAsync(input)).SelectMany(InGemeinden).DistinctBy(o => (o.PostalCode, o.Ars, o.PlaceName)).ToList();
        return new PlaceSearch(byName, byName.Count != 1);
    }

    /// <summary>Checks a posted choice against the data (never trusted as posted) and routes it; null with the reason when it cannot be routed.</summary>
    public async Task<(ChosenPlace? Place, string? Problem)> ChooseAsync(CatalogForm form, string postalCode, string? ars, string? placeName)
    {
        var known = await ByPostalCodeAsync(postalCode);
        // A posted Kreis or Gemeinde that the postal code does not lie in (a tampered choice) becomes the usual place of the code.
        if (known.Count > 0 && !known.Any(o => o.Ars == ars)) (ars, placeName) = (known[0].Ars, known[0].PlaceName);
        if (known.Count == 0) ars = null;
        var route = await router.RouteAsync(new RouteRequest(options.Tenant, form.Id, postalCode, ars) { LeikaKeys = form.Definition.Service.LeikaKeys });
        if (!route.Success) return (null, string.Join("; ", route.Problems));
        return (new ChosenPlace(postalCode, ars, placeName, route.Destinations.Select(d => d.Authority.Name).ToList())
        {
            AuthorityIds = route.Destinations.Select(d => d.Authority.Id).ToList(),
        }, null);
    }

    private async Task<List<PlaceOption>> ByPostalCodeAsync(string postalCode) =>
        (await places.ByPostalCodeAsync(postalCode)).SelectMany(InGemeinden).DistinctBy(o => (o.Ars, o.PlaceName)).ToList();

    /// <summary>A place of the postal-code data (a Kreis) as the Gemeinden the tenant lists for it there; unchanged when it lists none.</summary>
    private IEnumerable<PlaceOption> InGemeinden(PlaceOption place) => InGemeinden(folders, options.Tenant, place);

    /// <summary>A place of the postal-code data as the tenant's Gemeinden there (also for the designer's trial of another tenant).</summary>
    public static IEnumerable<PlaceOption> InGemeinden(TenantFolderRouting folders, string tenant, PlaceOption place)
    {
        var gemeinden = place.Ars is null ? [] : folders.Gemeinden(tenant, place.Ars, place.PostalCode);
        return gemeinden.Count == 0 ? [place] : gemeinden.Select(g => place with { Ars = g.Ars, PlaceName = g.Name });
    }

    private static PlaceOption Combine(IReadOnlyList<PlaceOption> sameKreis)
    {
        var names = sameKreis.Select(o => o.PlaceName).Distinct().ToList();
        var name = names.Count <= 3 ? string.Join(", ", names) : string.Join(", ", names.Take(3)) + ", …";
        return sameKreis[0] with { PlaceName = name };
    }
}
