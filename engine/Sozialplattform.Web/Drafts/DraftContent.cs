using System.Text.Json.Nodes;

namespace Sozialplattform.Web.Drafts;

/// <summary>The place the citizen chose: it decides the responsible authority.</summary>
/// <param name="Authorities">The names of the responsible authorities, as shown when the place was chosen.</param>
public sealed record ChosenPlace(string PostalCode, string? Ars, string? PlaceName, IReadOnlyList<string> Authorities)
{
    /// <summary>Their ids in the tenant's <c>authorities.json</c> (empty in drafts stored before they were recorded).</summary>
    public IReadOnlyList<string> AuthorityIds { get; init; } = [];
}

/// <summary>The destination the citizen chose before starting a contact request (<c>centre:&lt;id&gt;</c>) and its name as shown then.</summary>
public sealed record ChosenDestination(string Key, string Name);

/// <summary>
/// What a draft stores (encrypted, as one JSON text): the raw answers exactly as the citizen gave them (even
/// unparseable input, so it can be shown again with its error), the chosen place and — for forms that need a
/// login — a pseudonym of the citizen who started it.
/// </summary>
public sealed class DraftContent
{
    public JsonObject Answers { get; set; } = [];
    public ChosenPlace? Place { get; set; }

    /// <summary>A contact request's destination (chosen in the Beratungsstellenfinder); null for applications.</summary>
    public ChosenDestination? Destination { get; set; }

    public string? Owner { get; set; }

    /// <summary>Answers taken from the citizen's account: answer path → the level of the login they came from.</summary>
    public Dictionary<string, string> Prefilled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Pages the citizen left with "Weiter" (null for drafts stored before this was recorded): resuming continues at
    /// the first page not among them, so no page — "Hinweise und Erklärungen" above all — is skipped unread.
    /// </summary>
    public HashSet<string>? ConfirmedPages { get; set; }

    public string ToJson() => new JsonObject
    {
        ["answers"] = Answers.DeepClone(),
        ["place"] = Place is null ? null : new JsonObject
        {
            ["postalCode"] = Place.PostalCode,
            ["ars"] = Place.Ars,
            ["placeName"] = Place.PlaceName,
            ["authorities"] = new JsonArray(Place.Authorities.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            ["authorityIds"] = new JsonArray(Place.AuthorityIds.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
        },
        ["destination"] = Destination is null ? null : new JsonObject { ["key"] = Destination.Key, ["name"] = Destination.Name },
        ["owner"] = Owner,
        ["prefilled"] = new JsonObject(Prefilled.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        ["confirmedPages"] = ConfirmedPages is null ? null : new JsonArray(ConfirmedPages.Order(StringComparer.Ordinal).Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
    }.ToJsonString();

    public static DraftContent FromJson(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? [];
        var place = node["place"] as JsonObject;
        return new DraftContent
        {
            Answers = node["answers"]?.DeepClone() as JsonObject ?? [],
            Place = place is null ? null : new ChosenPlace(
                place["postalCode"]?.GetValue<string>() ?? "",
                place["ars"]?.GetValue<string>(),
                place["placeName"]?.GetValue<string>(),
                (place["authorities"] as JsonArray)?.Select(a => a!.GetValue<string>()).ToList() ?? [])
            {
                AuthorityIds = (place["authorityIds"] as JsonArray)?.Select(a => a!.GetValue<string>()).ToList() ?? [],
            },
            Destination = node["destination"] is JsonObject destination
                ? new ChosenDestination(destination["key"]?.GetValue<string>() ?? "", destination["name"]?.GetValue<string>() ?? "")
                : null,
            Owner = node["owner"]?.GetValue<string>(),
            Prefilled = (node["prefilled"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal) ?? new(StringComparer.Ordinal),
            ConfirmedPages = (node["confirmedPages"] as JsonArray)?.Select(p => p?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal),
        };
    }
}
