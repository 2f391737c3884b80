using System.Collections.Concurrent;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Routing;

/// <summary>
/// Finds the responsible authorities for a service at a place. Per role: a postal-code range of the tenant
/// (narrowest first) wins; otherwise the postal code's Kreise from the geo data (the usual one first, then
/// others) are matched against ARS prefixes (longest first) — where the tenant lists the Gemeinden of a Kreis
/// (<c>municipalities.json</c>), the Gemeinde's 12-digit ARS instead of the Kreis. The tenant's answer rules choose the
/// service's role (or, where the designer edited the service's routing, its edit: <see cref="RoutingEditSource"/>); the
/// form's routing rules add or replace roles.
/// </summary>
public sealed class Router(RoutingTableStore tables, GeoStore geo, ChosenDestinations? chosen = null, TenantFolderRouting? folders = null, RoutingEditSource? edits = null)
{
    private readonly ChosenDestinations _chosen = chosen ?? ChosenDestinations.None;
    private readonly TenantFolderRouting _folders = folders ?? TenantFolderRouting.None;

    private readonly ConcurrentDictionary<string, Task<RoutingTable>> _cache = new(StringComparer.Ordinal);

    /// <summary>Forget cached tenants (after the configuration was loaded again).</summary>
    public void Invalidate() => _cache.Clear();

    public async Task<RouteResult> RouteAsync(RouteRequest request, CancellationToken cancellationToken = default)
    {
        if (request.ChosenDestination is { } key) return await RouteToChosenAsync(request.TenantId, key, cancellationToken);
        var table = await _cache.GetOrAdd(request.TenantId, async id => new RoutingTable(id, await tables.LoadTenantAsync(id, cancellationToken)));
        if (table.IsEmpty) return Failure($"tenant '{request.TenantId}' has no authorities (is its configuration loaded?)");
        var serviceKeys = new List<string> { request.FormId };
        serviceKeys.AddRange(request.LeikaKeys);
        // A service's routing edited in the designer replaces its services entry and answer rules of the tenant folder.
        var edit = edits is null ? null : await edits.ForAsync(request.TenantId, serviceKeys, cancellationToken);
        var roleByAnswer = edit is not null
            ? edit.AnswerRules.FirstOrDefault(rule => rule.Paths.Any(path => TenantFolderRouting.Matches(request.Answers, path, rule.Values)))?.Role
            : _folders.RoleByAnswer(request.TenantId, serviceKeys, request.Answers);
        var baseRole = roleByAnswer ?? edit?.Role ?? table.RoleOf(serviceKeys);

        var instead = request.RuleDestinations.Where(r => r.Mode == RuleMode.Instead).Select(r => (string?)r.Role).ToList();
        List<string?> roles = instead.Count > 0 ? instead : [baseRole];
        roles.AddRange(request.RuleDestinations.Where(r => r.Mode == RuleMode.Additional).Select(r => r.Role));

        var (places, severalGemeinden, undecided) = await PlacesAsync(request, cancellationToken);
        var destinations = new List<RoutedDestination>();
        var problems = new List<string>();
        foreach (var role in roles.Distinct())
        {
            // Assignments just for the service apply to its usual role, not to one an answer or a form's rule chose.
            var keys = roleByAnswer is null && (role == baseRole || role is null) ? serviceKeys : [];
            var found = Resolve(table, keys, role, request.PostalCode, places, undecided);
            if (found is null)
                problems.Add(role is null
                    ? $"service '{request.FormId}' is not offered by tenant '{request.TenantId}' (routing.json maps no role to it)"
                    : $"no authority with role '{role}' for {Describe(request)}{(places.Count == 0 && request.Ars is null ? " (no geo data for this postal code and no matching postal-code range)" : "")}{severalGemeinden}");
            else if (destinations.All(d => d.Authority.Id != found.Authority.Id)) destinations.Add(found);
        }

        return new RouteResult(destinations, problems, Kreis(places.FirstOrDefault()), places.Skip(1).Select(Kreis).OfType<string>().ToList())
        {
            Ars = places.FirstOrDefault()?.Kreisschluessel,
        };
    }

    /// <summary>A destination the citizen chose (a counselling centre): exactly that one, or the refusal.</summary>
    private async Task<RouteResult> RouteToChosenAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        var found = await _chosen.ResolveAsync(tenantId, key, cancellationToken);
        return found.Destination is { } destination
            ? new RouteResult([new RoutedDestination(destination.Role, destination, "chosen by the applicant")], [], null, [])
            : Failure(found.Refusal!.Message) with { Refusal = found.Refusal };
    }

    private static RoutedDestination? Resolve(RoutingTable table, IReadOnlyCollection<string> serviceKeys, string? role, string? postalCode, IReadOnlyList<PostalCodeArea> places,
        IReadOnlySet<string> undecided)
    {
        foreach (var candidates in table.CandidateSets(serviceKeys, role))
        {
            var byRange = postalCode is null ? null : candidates
                .Where(a => a.PostalCodeFrom is not null && string.CompareOrdinal(postalCode, a.PostalCodeFrom) >= 0 && string.CompareOrdinal(postalCode, a.PostalCodeTo) <= 0)
                .MinBy(a => int.Parse(a.PostalCodeTo!) - int.Parse(a.PostalCodeFrom!));
            if (byRange is not null && table.Authority(byRange.AuthorityId) is { } a1)
                return new RoutedDestination(role ?? "", a1, $"postal codes {byRange.PostalCodeFrom}-{byRange.PostalCodeTo}");

            foreach (var place in places)
            {
                var byArs = candidates.Where(a => a.ArsPrefix is not null && place.Kreisschluessel.StartsWith(a.ArsPrefix, StringComparison.Ordinal))
                    .MaxBy(a => a.ArsPrefix!.Length);
                if (byArs is not null && table.Authority(byArs.AuthorityId) is { } a2)
                    return new RoutedDestination(role ?? "", a2, $"ARS {byArs.ArsPrefix} ({place.KreisName})");
                // A Kreis whose Gemeinden share the postal code waits for the citizen's choice: a less usual Kreis is no answer.
                if (undecided.Contains(place.Kreisschluessel)) break;
            }
        }

        return null;
    }

    /// <summary>
    /// The ARS the applicant chose, or the Kreise of the postal code (usual first), each narrowed to its Gemeinde where the
    /// tenant lists the Gemeinden of that Kreis and the postal code lies in exactly one of them. When it lies in several,
    /// the Kreis stays, the second value says which Gemeinden to choose from (for a role assigned only per Gemeinde) and the
    /// third names those Kreise.
    /// </summary>
    private async Task<(IReadOnlyList<PostalCodeArea> Places, string SeveralGemeinden, IReadOnlySet<string> Undecided)> PlacesAsync(RouteRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Ars is { } ars)
        {
            // A chosen Kreis whose Gemeinden the tenant lists still narrows to the one Gemeinde of the postal code.
            var inKreis = ars.Length == 5 && request.PostalCode is { } code ? _folders.Gemeinden(request.TenantId, ars, code) : [];
            return inKreis.Count == 1
                ? ([Area(request.PostalCode!, inKreis[0].Ars, inKreis[0].Name)], "", NoneUndecided)
                : ([Area(request.PostalCode ?? "", ars, _folders.Municipality(request.TenantId, ars)?.Name ?? $"ARS {ars}")], "", NoneUndecided);
        }

        if (request.PostalCode is not { } postalCode) return ([], "", NoneUndecided);
        var kreise = await geo.FindAsync(postalCode, cancellationToken);
        if (kreise.Count == 0)
        {
            var listed = _folders.Gemeinden(request.TenantId, postalCode);
            return listed.Count == 1 ? ([Area(postalCode, listed[0].Ars, listed[0].Name)], "", NoneUndecided) : ([], Several(postalCode, listed), NoneUndecided);
        }

        var places = new List<PostalCodeArea>();
        var several = "";
        var undecided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kreis in kreise)
        {
            var gemeinden = _folders.Gemeinden(request.TenantId, kreis.Kreisschluessel, postalCode);
            places.Add(gemeinden.Count == 1 ? Area(postalCode, gemeinden[0].Ars, gemeinden[0].Name) : kreis);
            several += Several(postalCode, gemeinden);
            if (gemeinden.Count > 1) undecided.Add(kreis.Kreisschluessel);
        }

        return (places, several, undecided);
    }

    private static readonly IReadOnlySet<string> NoneUndecided = new HashSet<string>();

    private static string Several(string postalCode, IReadOnlyList<MunicipalityConfig> gemeinden) => gemeinden.Count < 2 ? ""
        : $" (postal code {postalCode} lies in several Gemeinden: {string.Join(", ", gemeinden.Select(g => $"{g.Name} {g.Ars}"))}; choose one)";

    private static PostalCodeArea Area(string postalCode, string ars, string name) =>
        new() { PostalCode = postalCode, Kreisschluessel = ars, KreisName = name, Places = "", PlaceCount = 1 };

    private static string? Kreis(PostalCodeArea? place) => place?.Kreisschluessel is { Length: > 5 } ars ? ars[..5] : place?.Kreisschluessel;

    private static string Describe(RouteRequest request) =>
        request.Ars is not null ? $"ARS {request.Ars}" : request.PostalCode is not null ? $"postal code {request.PostalCode}" : "an unknown place";

    private static RouteResult Failure(string problem) => new([], [problem], null, []);
}
