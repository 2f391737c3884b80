using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Tenants;

namespace Sozialplattform.Delivery.Routing;

/// <summary>
/// What the router reads from the tenant folders besides the database copy of <c>routing.json</c>: the Gemeinden of
/// <c>municipalities.json</c> (a postal code → the Gemeinde's 12-digit ARS) and the <c>answerRules</c> (a service's
/// role chosen by an answer). Read once at start, as the portal reads <c>authorities.json</c>; the tenant loader has
/// already refused a folder with problems, so a folder that cannot be read here is simply left out.
/// </summary>
public sealed class TenantFolderRouting
{
    private readonly Dictionary<string, TenantConfiguration> _tenants;

    public TenantFolderRouting(IEnumerable<TenantConfiguration> tenants) =>
        _tenants = tenants.ToDictionary(t => t.Settings.Id, StringComparer.Ordinal);

    public static TenantFolderRouting None { get; } = new([]);

    public static TenantFolderRouting Load(string tenantsFolder) => !Directory.Exists(tenantsFolder)
        ? None
        : new(Directory.GetDirectories(tenantsFolder).Order(StringComparer.Ordinal)
            .Select(folder => TenantFolderReader.Read(folder).Configuration).OfType<TenantConfiguration>());

    /// <summary>The role of the first answer rule of one of <paramref name="serviceKeys"/> whose answer matches; null when none does.</summary>
    public string? RoleByAnswer(string tenantId, IReadOnlyCollection<string> serviceKeys, JsonObject? answers)
    {
        if (answers is null || !_tenants.TryGetValue(tenantId, out var tenant)) return null;
        return tenant.Routing.AnswerRules
            .FirstOrDefault(rule => serviceKeys.Contains(rule.Service) && Matches(answers, rule.Answer, rule.Values))?.Role;
    }

    /// <summary>Whether the answer at <paramref name="path"/> (a multiple choice: one of its codes) is one of <paramref name="values"/>.</summary>
    public static bool Matches(JsonObject? answers, string path, IReadOnlyList<string> values) =>
        answers is not null && AnswerValues(answers, path).Any(values.Contains);

    /// <summary>The Gemeinden of <paramref name="kreis"/> that <paramref name="postalCode"/> lies in (a kreisfreie Stadt: always itself).</summary>
    public IReadOnlyList<MunicipalityConfig> Gemeinden(string tenantId, string kreis, string postalCode) =>
        Municipalities(tenantId).Where(m => m.Kreis == kreis && (m.PostalCodes.Count == 0 || m.PostalCodes.Contains(postalCode))).ToList();

    /// <summary>The Gemeinden listed for a postal code in any Kreis (for places the postal-code data does not know).</summary>
    public IReadOnlyList<MunicipalityConfig> Gemeinden(string tenantId, string postalCode) =>
        Municipalities(tenantId).Where(m => m.PostalCodes.Contains(postalCode)).ToList();

    public MunicipalityConfig? Municipality(string tenantId, string ars) => Municipalities(tenantId).FirstOrDefault(m => m.Ars == ars);

    public IReadOnlyList<MunicipalityConfig> Municipalities(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var tenant) ? tenant.Municipalities : [];

    /// <summary>The answer at a path of keys through groups (<c>haushalt.wohnform</c>) as texts; a multiple choice gives each chosen code.</summary>
    private static IEnumerable<string> AnswerValues(JsonObject answers, string path)
    {
        JsonNode? node = answers;
        foreach (var key in path.Split('.')) node = node is JsonObject group ? group[key] : null;
        return node switch
        {
            JsonArray list => list.OfType<JsonValue>().Select(Text),
            JsonValue value => [Text(value)],
            _ => [],
        };
    }

    private static string Text(JsonValue value) => value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
}
