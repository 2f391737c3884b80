using Sozialplattform.Delivery.Routing;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Places;

/// <summary>
/// The designer's „Postleitzahl prüfen“ on the portal's own code: the postal code's places as the place step finds them
/// (<see cref="PlaceDirectory"/>, narrowed to the tenant's Gemeinden), each routed by the portal's <see cref="Router"/> as at
/// submission (with the answers, the tenant's answer rules and the form's own routing rules when answers are given).
/// </summary>
public sealed class PortalRoutingTrial(PlaceDirectory places, Router router, TenantFolderRouting folders, PortalOptions portal, RoutingEditSource? edits = null) : IRoutingTrial
{
    public string PortalTenant => portal.Tenant;

    public async Task<RoutingTrialResult> TryAsync(RoutingTrialRequest request, CancellationToken cancellationToken = default)
    {
        var postalCode = request.PostalCode.Trim();
        if (postalCode.Length == 0) return RoutingTrialResult.Refused(PostalCodeProblem.Empty);
        if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)) return RoutingTrialResult.Refused(PostalCodeProblem.NotFiveDigits);
        // A trial right after a save in this designer routes with the saved state, not a copy up to two seconds old.
        edits?.Forget(request.Tenant);

        var found = (await places.ByPostalCodeAsync(postalCode)).SelectMany(place => PlaceSelection.InGemeinden(folders, request.Tenant, place)).DistinctBy(o => o.Ars).ToList();
        if (found.Count == 0)
        {
            // As on the place step: with the postal codes loaded, one that is not among them does not exist.
            if (await places.HasDataAsync()) return RoutingTrialResult.Refused(PostalCodeProblem.Unknown);
            found = [new PlaceOption(postalCode, null, null, null)];
        }

        var outcomes = new List<TrialPlace>();
        foreach (var place in found)
        {
            var route = await router.RouteAsync(new RouteRequest(request.Tenant, request.FormId, postalCode, place.Ars)
            {
                LeikaKeys = request.LeikaKeys,
                RuleDestinations = RuleDestination.FromEngine(request.RuleDestinations),
                Answers = request.Answers,
            }, cancellationToken);
            outcomes.Add(new TrialPlace(postalCode, place.Ars, place.PlaceName ?? place.KreisName ?? postalCode,
                [.. route.Destinations.Select(d => new TrialOffice(d.Authority.Id, d.Authority.Name, d.Role, d.Reason))], route.Problems));
        }

        return new RoutingTrialResult(null, outcomes);
    }
}
