using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Web.Api;

/// <summary>
/// The read-only public API of published centres under <c>/api/v1/beratungsstellen</c>: the finder's search with the
/// same parameters and ranking, paged, and one centre by id. Rate limited per client address; JSON escapes &lt; &gt; &amp;.
/// </summary>
public static class CentresApi
{
    public static void MapCentresApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(CentreRoutes.Api).RequireRateLimiting(CentresServices.ApiRateLimit).WithTags("Beratungsstellen");
        api.MapGet("", SearchAsync).WithName("SearchCentres")
            .WithSummary("Search published counselling centres (ort, thema, sprache, weg, stufenlos, wc, gebaerdensprache, leichte-sprache, umkreis, seite, pro-seite)");
        api.MapGet("/{id:guid}", FindAsync).WithName("GetCentre").WithSummary("One published counselling centre");
    }

    private static async Task<JsonHttpResult<SearchAnswer>> SearchAsync(HttpContext http, CentreFinder finder)
    {
        var result = await finder.SearchAsync(FinderParameters.Read(http.Request.Query), http.RequestAborted);
        return TypedResults.Json(new SearchAnswer(
            result.Place is { } place ? new PlaceAnswer(place.PostalCode, place.Kreis, place.KreisName) : null,
            result.PlaceUnknown, result.Total, result.Page, result.PageSize,
            result.Hits.Select(Hit).ToList(), result.NothingFound, result.Nearest.Select(Hit).ToList(),
            result.Hotlines.Select(h => new HotlineAnswer(h.Topic, h.Name, h.Phone, h.Hours, h.Website)).ToList()), CentreJson.Options);
    }

    private static async Task<Results<JsonHttpResult<CentreAnswer>, NotFound>> FindAsync(Guid id, CentreFinder finder, HttpContext http) =>
        await finder.FindAsync(id, http.RequestAborted) is { } centre ? TypedResults.Json(Centre(centre), CentreJson.Options) : TypedResults.NotFound();

    private static HitAnswer Hit(CentreHit hit) =>
        new(Centre(hit.Centre), JsonName(hit.Reason.ToString()), hit.DistanceKm is { } km ? Math.Round(km, 1) : null, hit.SharesRank);

    private static CentreAnswer Centre(PublishedCentre centre) => new(centre.Id, centre.Record, centre.LastConfirmedAt, centre.ConfirmationOverdue);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

public sealed record SearchAnswer(PlaceAnswer? Place, bool PlaceUnknown, int Total, int Page, int PageSize, IReadOnlyList<HitAnswer> Results,
    bool NothingFound, IReadOnlyList<HitAnswer> Nearest, IReadOnlyList<HotlineAnswer> Hotlines);

public sealed record PlaceAnswer(string PostalCode, string Kreis, string KreisName);

/// <summary>One result: the centre, why it is listed (postalCode, kreis, state, online, nearby, listed, nearestAnyway), its distance and whether it shares its rank.</summary>
public sealed record HitAnswer(CentreAnswer Centre, string Reason, double? DistanceKm, bool SharesRank);

public sealed record CentreAnswer(Guid Id, CentreRecord Record, DateTime? LastConfirmedAt, bool ConfirmationOverdue);

public sealed record HotlineAnswer(string? Topic, Texts Name, string Phone, Texts Hours, string? Website);
