namespace Sozialplattform.CrashTests;

/// <summary>A temporary data folder and a tenant "crash" whose one authority receives every sample form over XTA at the test's receiver.</summary>
public sealed class CrashFolders : IDisposable
{
    public const string Authority = "sozialamt-absturz";

    public CrashFolders()
    {
        Root = Directory.CreateTempSubdirectory("sozial-crash-").FullName;
        Directory.CreateDirectory(Data);
        Directory.CreateDirectory(Tenant);
    }

    public string Root { get; }
    public string Data => Path.Combine(Root, "data");
    public string Tenants => Path.Combine(Root, "tenants");
    public string Tenant => Path.Combine(Tenants, "crash");
    public string HostLog => Path.Combine(Root, "host.log");
    public string ReceiverLog => Path.Combine(Root, "received.log");

    public void WriteTenant(string xtaEndpoint)
    {
        File.WriteAllText(Path.Combine(Tenant, "tenant.json"), """{ "id": "crash", "name": "Absturztest", "defaultLanguage": "de", "contact": { "email": "crash@example.org" }, "staff": { "secondFactor": "off" } }""");
        File.WriteAllText(Path.Combine(Tenant, "authorities.json"), $$"""
            { "authorities": [
              { "id": "{{Authority}}", "name": "Sozialamt Absturzstadt", "role": "sozialamt", "address": ["Sozialamt Absturzstadt", "12345 Absturzstadt"],
                "contact": { "email": "absturz@example.org" },
                "channel": { "type": "xta", "options": { "endpoint": "{{xtaEndpoint}}", "authorIdentifier": "sozialplattform-test",
                  "readerIdentifier": "{{Authority}}", "service": "urn:sozialplattform:antrag", "timeoutSeconds": 120 } } } ] }
            """);
        File.WriteAllText(Path.Combine(Tenant, "routing.json"), $$"""
            { "services": { "kontakt": "sozialamt" },
              "assignments": [ { "role": "sozialamt", "postalCodes": ["01000-99999"], "authority": "{{Authority}}" } ] }
            """);
    }

    /// <summary>The host's settings: this data folder and tenant, the samples catalog, and a slow, crash-friendly dispatcher.</summary>
    public IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Sozialplattform:Storage:DataDirectory"] = Data,
        ["Sozialplattform:TenantsFolder"] = Tenants,
        ["Sozialplattform:Geo:CsvPath"] = "",
        ["Sozialplattform:Portal:Tenant"] = "crash",
        ["Sozialplattform:Portal:CatalogRoots:0"] = Path.Combine(Web.Tests.Infrastructure.RepositoryPaths.Samples),
        // The designer edits the samples (what it publishes goes into the database) and keeps no files in the repository.
        ["Designer:CatalogDirectory"] = Web.Tests.Infrastructure.RepositoryPaths.Samples,
        ["Designer:DataDirectory"] = Path.Combine(Root, "designer"),
        // Hundreds of applications from one address: far above the per-client rate limits a portal has.
        ["Sozialplattform:Portal:RateLimits:Starts"] = "1000000",
        ["Sozialplattform:Portal:RateLimits:Saves"] = "1000000",
        // A loaded machine must neither spend a request's rule budget nor wait long for a rule slot.
        ["Sozialplattform:Rules:RequestBudget"] = "00:01:00",
        ["Sozialplattform:Rules:SlotWait"] = "00:01:00",
        // One delivery at a time, two per claim: the receiver's held request stops the dispatcher mid-batch.
        ["Sozialplattform:Dispatcher:Parallelism"] = "1",
        ["Sozialplattform:Dispatcher:BatchSize"] = "2",
        // A short lease so the restarted host takes over the killed one's claimed entries within seconds. (In
        // production the lease must exceed every channel timeout; here only one dispatcher runs at a time.)
        ["Sozialplattform:Dispatcher:Lease"] = "00:00:03",
        ["Sozialplattform:Dispatcher:PollInterval"] = "00:00:00.200",
        ["Sozialplattform:Dispatcher:FirstRetryDelay"] = "00:00:01",
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
