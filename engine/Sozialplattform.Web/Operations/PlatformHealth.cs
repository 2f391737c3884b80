using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sozialplattform.Web.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (it can serve: database reachable, migrations
/// applied, key ring readable, catalog loaded) for load balancers and Kubernetes probes. The answer names each check and
/// its state in fixed words — never an exception text, a connection string or a key; the cause goes to the log.
/// </summary>
public static class PlatformHealth
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    /// <summary>How long one check may take (an unreachable database host must not hang the probe).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<MigrationsCheck>("migrations", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<KeyRingCheck>("key-ring", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<CatalogCheck>("catalog", tags: [Ready], timeout: CheckTimeout);
        return services;
    }

    public static void MapPlatformHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
