using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Places;

/// <summary>What a citizen looked up on a service page: the offices for one place, places to choose from, or a problem text key.</summary>
public sealed record OfficeLookup(ChosenPlace? Place, IReadOnlyList<AuthorityConfig> Offices, IReadOnlyList<PlaceOption> Options, string? Problem);

/// <summary>
/// The portal tenant's authorities as its <c>authorities.json</c> describes them — address, opening hours, contact —
/// for telling citizens where to turn. Which office is responsible is decided by the router (database copy); this
/// only describes the offices it names. Read once at start, as the tenant folder is.
/// </summary>
public sealed class ResponsibleOffices(IReadOnlyDictionary<string, AuthorityConfig> offices, PlaceSelection places)
{
    public AuthorityConfig? Find(string authorityId) => offices.GetValueOrDefault(authorityId);

    public IReadOnlyList<AuthorityConfig> Of(ChosenPlace place) =>
        place.AuthorityIds.Select(Find).OfType<AuthorityConfig>().ToList();

    /// <summary>
    /// The responsible offices of <paramref name="form"/> for what the citizen typed (a postal code or a place);
    /// <paramref name="ars"/> picks one of several places it matches (a postal code that spans two Kreise).
    /// </summary>
    public async Task<OfficeLookup> LookUpAsync(CatalogForm form, string input, string? ars = null)
    {
        var search = await places.SearchAsync(input);
        if (search.Options.Count == 0)
            return new OfficeLookup(null, [], [], input.All(char.IsAsciiDigit) ? (input.Length == 5 ? "place.unknownPostalCode" : "place.postalCodeDigits") : "place.notFound");
        var picked = search.Options.FirstOrDefault(o => ars is not null && o.Ars == ars);
        if (search.Ambiguous && picked is null) return new OfficeLookup(null, [], search.Options, null);
        var option = picked ?? search.Options[0];
        var (place, problem) = await places.ChooseAsync(form, option.PostalCode, option.Ars, option.PlaceName);
        return place is null ? new OfficeLookup(null, [], [], problem is null ? null : "place.noAuthority") : new OfficeLookup(place, Of(place), [], null);
    }

    public static ResponsibleOffices Load(DeliveryOptions delivery, PortalOptions portal, PlaceSelection places)
    {
        var folder = Path.Combine(delivery.TenantsFolder, portal.Tenant);
        var configuration = Directory.Exists(folder) ? TenantFolderReader.Read(folder).Configuration : null;
        var offices = (configuration?.Authorities ?? []).GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new ResponsibleOffices(offices, places);
    }
}
