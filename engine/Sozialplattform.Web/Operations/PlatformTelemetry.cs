using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Web.Operations;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, EF Core, and the platform's own meter
/// <see cref="PlatformMetrics"/>), exported over OTLP when <c>Sozialplattform:Telemetry:OtlpEndpoint</c> (or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set; without it nothing is collected. Spans carry the route template instead of the
/// path (paths hold draft ids and reference numbers), query strings are redacted, SQL text has parameters but never their values.
/// </summary>
public static class PlatformTelemetry
{
    public const string Section = "Sozialplattform:Telemetry";

    public static void AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var endpoint = section["OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        // "Enabled" without an endpoint: collected for exporters added in code (the tests' in-memory exporter).
        if (string.IsNullOrWhiteSpace(endpoint) && !section.GetValue("Enabled", false)) return;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(section["ServiceName"] ?? "sozialplattform"))
            .WithTracing(tracing => tracing
                .AddSource(PlatformMetrics.Name)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    options.EnrichWithHttpResponse = (activity, response) =>
                        activity.SetTag("url.path", (response.HttpContext.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
                })
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(PlatformMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(endpoint))
            telemetry.UseOtlpExporter(section["OtlpProtocol"] == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, new Uri(endpoint));
    }
}
