using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using IPNetwork = System.Net.IPNetwork;

namespace Sozialplattform.Web.Operations;

/// <summary>
/// The citizen's address behind a reverse proxy (nginx, a Kubernetes ingress): every request arrives from the proxy, so
/// per-client limits (starts, saves, sign-ins, the case API) and the audit's addresses would treat all citizens as one.
/// Only requests from the proxies listed in <c>Sozialplattform:Proxies:Trusted</c> (addresses or CIDR networks) have their
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> read, and of <c>X-Forwarded-For</c> only the last entry — the one the
/// trusted proxy itself appended; anything a client put in front is ignored. Without the setting the headers are ignored.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Sozialplattform:Proxies:Trusted";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = configuration.GetSection(Section).GetChildren().Select(c => (c.Path, Value: c.Value ?? "")).ToList();
        var (proxies, networks) = Parse(entries);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        services.AddSingleton(new TrustedProxyList(proxies.Count + networks.Count > 0));
        return services;
    }

    /// <summary>First in the pipeline, so that every limit and log entry sees the citizen's address.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<TrustedProxyList>() is { Any: true }) app.UseForwardedHeaders();
        return app;
    }

    private static (List<IPAddress> Proxies, List<IPNetwork> Networks) Parse(IEnumerable<(string Path, string Value)> entries)
    {
        var (proxies, networks) = (new List<IPAddress>(), new List<IPNetwork>());
        foreach (var (path, value) in entries)
        {
            var text = value.Trim();
            if (text.Contains('/') && IPNetwork.TryParse(text, out var network)) networks.Add(network);
            else if (!text.Contains('/') && IPAddress.TryParse(text, out var address)) proxies.Add(address);
            else throw new InvalidOperationException($"{path}: '{value}' is neither an IP address (10.0.0.5) nor a network in CIDR form (10.0.0.0/8).");
        }

        return (proxies, networks);
    }

    private sealed record TrustedProxyList(bool Any);
}
