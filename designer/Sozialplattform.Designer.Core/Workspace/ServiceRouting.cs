using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Which tenants send a form's applications to an authority: their <c>routing.json</c> names the form (by id or by one
/// of its LeiKa keys) under <c>services</c>. A form no tenant names can be published, but nobody could send it — the
/// designer says so before publishing (an author otherwise learns it from the first citizen).
/// </summary>
public sealed class ServiceRouting(string tenantsFolder)
{
    public string TenantsFolder => tenantsFolder;

    /// <summary>The tenants whose routing names the form, in order.</summary>
    public IReadOnlyList<string> TenantsRouting(string formId, IEnumerable<string> leikaKeys)
    {
        if (!Directory.Exists(tenantsFolder)) return [];
        string[] names = [formId, .. leikaKeys];
        return [.. Directory.GetDirectories(tenantsFolder).Order(StringComparer.Ordinal)
            .Where(tenant => Services(Path.Combine(tenant, "routing.json")) is { } services && names.Any(services.ContainsKey))
            .Select(Path.GetFileName).OfType<string>()];
    }

    /// <summary>The tenants' rules that choose an office by one answer of the form (<c>answerRules</c>): tenant and answer path.</summary>
    public IReadOnlyList<(string Tenant, string Answer)> AnswerRules(string formId, IEnumerable<string> leikaKeys)
    {
        if (!Directory.Exists(tenantsFolder)) return [];
        string[] names = [formId, .. leikaKeys];
        return [.. Directory.GetDirectories(tenantsFolder).Order(StringComparer.Ordinal).SelectMany(tenant =>
            (Routing(Path.Combine(tenant, "routing.json"))?["answerRules"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(rule => names.Contains(rule["service"]?.ToString()) && rule["answer"]?.ToString() is { Length: > 0 })
                .Select(rule => (Path.GetFileName(tenant), rule["answer"]!.ToString())))];
    }

    private static JsonObject? Services(string routingFile) => Routing(routingFile)?["services"] as JsonObject;

    private static JsonObject? Routing(string routingFile)
    {
        if (!File.Exists(routingFile)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(routingFile)) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the catalog lint and the portal's start name a broken routing file; here it routes nothing
        }
    }
}
