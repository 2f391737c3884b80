using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.Operations;

/// <summary>
/// What operators of several hosts need, as one pair for <c>Program.cs</c>: health probes, telemetry and structured
/// logs (<see cref="AddOperations"/>), the probe endpoints and the request id header (<see cref="MapOperations"/>). The
/// shared key ring is part of the portal's own registration (<see cref="SharedKeyRing"/>). See docs/DEPLOYMENT.md.
/// </summary>
public static class OperationsExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.AddPlatformLogs();
        builder.AddPlatformTelemetry();
        builder.Services.AddPlatformHealth();
        builder.Services.AddTrustedProxies(builder.Configuration);
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.UseRequestIdHeader();
        app.MapPlatformHealth();
        return app;
    }

    /// <summary>Every answer names its request id, which the host's log entries of that request carry as well.</summary>
    private static void UseRequestIdHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return next(context);
        });
}
