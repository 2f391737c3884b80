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

    private static JsonObject? Services(string routingFile)
    {
        if (!File.Exists(routingFile)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(routingFile))?["services"] as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the catalog lint and the portal's start name a broken routing file; here it routes nothing
        }
    }
}
