using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Routing;

/// <summary>
/// „Postleitzahl prüfen“: where the portal would send an application of a service from a postal code (and, optionally,
/// with answers). The host implements it with the portal's own router and place lookup, so the trial and the portal
/// cannot disagree; a designer without the portal has none.
/// </summary>
public interface IRoutingTrial
{
    /// <summary>The tenant whose applications this host's portal takes (<c>Sozialplattform:Portal:Tenant</c>): the routing panel opens on it.</summary>
    string PortalTenant { get; }

    Task<RoutingTrialResult> TryAsync(RoutingTrialRequest request, CancellationToken cancellationToken = default);
}

/// <param name="RuleDestinations">The form's own routing rules that fire for <see cref="Answers"/> (role, instead).</param>
public sealed record RoutingTrialRequest(string Tenant, string FormId, IReadOnlyList<string> LeikaKeys, string PostalCode,
    JsonObject? Answers, IReadOnlyList<(string Role, bool Instead)> RuleDestinations);

/// <summary>Either why the postal code cannot be tried, or each place it stands for (several: the citizen chooses) with its outcome.</summary>
public sealed record RoutingTrialResult(PostalCodeProblem? Problem, IReadOnlyList<TrialPlace> Places)
{
    public static RoutingTrialResult Refused(PostalCodeProblem problem) => new(problem, []);
}

/// <summary>One place of the postal code: the offices it reaches, or the router's reasons why none.</summary>
public sealed record TrialPlace(string PostalCode, string? Ars, string Name, IReadOnlyList<TrialOffice> Offices, IReadOnlyList<string> Problems);

public sealed record TrialOffice(string AuthorityId, string Name, string Role, string Reason);

public enum PostalCodeProblem
{
    Empty,
    NotFiveDigits,
    Unknown,
}
