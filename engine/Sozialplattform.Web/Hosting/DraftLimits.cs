using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// What bounds the data an anonymous client can make the portal buffer and store: the form-value limits (no
/// posted value larger than the largest field of the catalog can take), and rate limits per client address on
/// starting drafts and on posting their pages. The per-field and per-draft limits are checked where answers are
/// merged and saved (<c>PageAnswers</c>, <c>ApplicationStore</c>).
/// </summary>
public static class DraftLimits
{
    public const string StartPolicy = "draft-start";
    public const string SavePolicy = "draft-save";
    public const string FeedbackPolicy = "site-feedback";

    /// <summary>Room for the inbox's longest text (a note of 4,000 characters) and the portal's own fields.</summary>
    private const int MinValueBytes = 64 * 1024;

    public static IServiceCollection AddDraftLimits(this IServiceCollection services, PortalOptions portal)
    {
        services.AddOptions<FormOptions>().Configure<FormCatalog>((form, catalog) =>
        {
            form.MultipartBodyLengthLimit = portal.MaxRequestBytes;
            form.ValueLengthLimit = LargestValueBytes(catalog);
            form.BufferBodyLengthLimit = portal.MaxRequestBytes;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(portal.RateLimits.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(StartPolicy, http => PerClient(http, portal.RateLimits.Starts, portal.RateLimits.Window));
            limiter.AddPolicy(SavePolicy, http => PerClient(http, portal.RateLimits.Saves, portal.RateLimits.Window));
            limiter.AddPolicy(FeedbackPolicy, http => PerClient(http, portal.FeedbackPerHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    /// <summary>
    /// The client's partition: its IPv4 address, or the /64 network of an IPv6 address (one household gets a whole
    /// /64, so single addresses would not limit anyone). Without a remote address (in-process test server) all share one.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// The longest value any offered form takes, in bytes as posted: four UTF-8 bytes per character, each percent-encoded
    /// in an url-encoded body (12 bytes); at least <see cref="MinValueBytes"/>.
    /// </summary>
    private static int LargestValueBytes(FormCatalog catalog)
    {
        var longest = catalog.Offered.SelectMany(form => form.Definition.AllFields())
            .Select(field => (long)field.Type.InputLimit(field).MaxLength).DefaultIfEmpty(0).Max();
        return (int)Math.Clamp(12 * longest, MinValueBytes, int.MaxValue);
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
