namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>A small valid tenant written to a temporary folder; tests overwrite one file to break it.</summary>
public sealed class TenantFolder : IDisposable
{
    public const string TenantJson = """
        { "id": "probe", "name": "Probe-Mandant", "defaultLanguage": "de", "contact": { "email": "support@probe.example" } }
        """;

    public const string AuthoritiesJson = """
        {
          "authorities": [
            { "id": "jobcenter-a", "name": "Jobcenter A", "role": "jobcenter", "address": ["Jobcenter A", "A-Stadt"], "channel": { "type": "inbox" } },
            { "id": "sozialamt-a", "name": "Sozialamt A", "role": "sozialamt", "address": ["Sozialamt A", "A-Stadt"], "channel": { "type": "demo", "options": {} } }
          ]
        }
        """;

    public const string RoutingJson = """
        {
          "services": { "buergergeld": "jobcenter", "grundsicherung": "sozialamt" },
          "assignments": [
            { "role": "jobcenter", "postalCodes": ["10000-10999"], "authority": "jobcenter-a" },
            { "role": "sozialamt", "ars": "05554", "authority": "sozialamt-a" }
          ]
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sozial-tenants-").FullName;

    public TenantFolder(string? tenant = null, string? authorities = null, string? routing = null)
    {
        Directory.CreateDirectory(Folder);
        Write("tenant.json", tenant ?? TenantJson);
        Write("authorities.json", authorities ?? AuthoritiesJson);
        Write("routing.json", routing ?? RoutingJson);
    }

    /// <summary>The folder holding all tenants (pass this to the loader).</summary>
    public string TenantsRoot => _root;

    public string Folder => Path.Combine(_root, "probe");

    public void Write(string file, string content) => File.WriteAllText(Path.Combine(Folder, file), content);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
