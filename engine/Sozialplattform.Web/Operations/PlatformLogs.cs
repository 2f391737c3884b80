using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sozialplattform.Web.Operations;

/// <summary>
/// Log output: one JSON object per line on stdout when <c>Sozialplattform:Logging:Format</c> is <c>json</c> (for a log
/// collector), else the usual console text. Every entry written while a request runs carries its scope: the request id
/// (the <c>X-Request-Id</c> response header) and the trace id. The per-request "Request starting …" lines are not written:
/// their URLs carry the secret keys of status and resume links.
/// </summary>
public static class PlatformLogs
{
    public const string FormatSetting = "Sozialplattform:Logging:Format";

    public static void AddPlatformLogs(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!string.Equals(builder.Configuration[FormatSetting], "json", StringComparison.OrdinalIgnoreCase)) return;
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
