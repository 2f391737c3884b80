using System.Text.Json.Nodes;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Delivery.Routing;

/// <summary>
/// Where to route: the service (form id and its LeiKa keys) and the place — a postal code, or an ARS/AGS
/// when the applicant chose the municipality (which settles postal codes that span two Kreise).
/// </summary>
public sealed record RouteRequest(string TenantId, string FormId, string? PostalCode, string? Ars = null)
{
    public IReadOnlyList<string> LeikaKeys { get; init; } = [];

    /// <summary>Roles chosen by the form's answer-based routing rules (the engine evaluates their <c>when</c>).</summary>
    public IReadOnlyList<RuleDestination> RuleDestinations { get; init; } = [];

    /// <summary>
    /// A destination the citizen chose (<c>kind:id</c>, see <see cref="ChosenDestinations"/>), e.g. a counselling centre:
    /// it is the only destination, and routing by place is skipped.
    /// </summary>
    public string? ChosenDestination { get; init; }

    /// <summary>The application's answers, for the tenant's answer rules (<c>routing.json</c> <c>answerRules</c>); null where there are none yet (the place step).</summary>
    public JsonObject? Answers { get; init; }
}

/// <summary>A routing rule of the definition that fired: send to <see cref="Role"/> in addition to, or instead of, the usual destination.</summary>
public sealed record RuleDestination(string Role, RuleMode Mode)
{
    /// <summary>Converts what <c>FormEngine.RoutingDestinations(answers)</c> returns.</summary>
    public static IReadOnlyList<RuleDestination> FromEngine(IEnumerable<(string Destination, bool Instead)> fired) =>
        fired.Select(f => new RuleDestination(f.Destination, f.Instead ? RuleMode.Instead : RuleMode.Additional)).ToList();
}

public enum RuleMode
{
    Additional,
    Instead,
}

/// <summary>
/// The destinations found (one per authority) and, when something could not be routed, why. <see cref="Kreisschluessel"/>
/// is the Kreis the place was resolved to; <see cref="OtherKreise"/> lists further Kreise the postal code touches.
/// </summary>
public sealed record RouteResult(IReadOnlyList<RoutedDestination> Destinations, IReadOnlyList<string> Problems, string? Kreisschluessel, IReadOnlyList<string> OtherKreise)
{
    /// <summary>The place routed for: the Gemeinde's 12-digit ARS where the tenant lists it, else the Kreis (null without a place).</summary>
    public string? Ars { get; init; }

    /// <summary>Why a chosen destination was refused (null otherwise).</summary>
    public DestinationRefusal? Refusal { get; init; }

    public bool Success => Problems.Count == 0 && Destinations.Count > 0;
}

/// <summary>One destination: the authority, the role it was chosen for, and how (for logs and <c>sozial route</c>).</summary>
public sealed record RoutedDestination(string Role, Authority Authority, string Reason);
