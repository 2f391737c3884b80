using System.Net;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// Behind a trusted reverse proxy each citizen has their own address for the per-client limits (the proxy's
/// X-Forwarded-For, its last entry only); from anyone else, and without the setting, X-Forwarded-For changes nothing —
/// a client cannot dodge a limit by inventing addresses. A malformed entry stops the start naming the setting.
/// </summary>
public sealed class TrustedProxiesTests
{
    private const string Proxy = "10.0.0.5";
    private static readonly (string, string)[] TwoStartsPerHour = [("Sozialplattform:Portal:RateLimits:Starts", "2"), ("Sozialplattform:Portal:RateLimits:Window", "01:00:00")];

    [Fact]
    public async Task Behind_a_trusted_proxy_each_citizen_has_their_own_start_limit()
    {
        using var portal = new LimitedPortal([.. TwoStartsPerHour, ("Sozialplattform:Proxies:Trusted:0", Proxy)]);

        var anna = await StartsAsync(portal, Proxy, "203.0.113.1", 3);
        var ben = await StartsAsync(portal, Proxy, "203.0.113.2", 1);

        anna.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        ben.ShouldBe([HttpStatusCode.Redirect], "another citizen behind the same proxy is not affected");
    }

    [Fact]
    public async Task Only_the_address_the_trusted_proxy_appended_counts_not_what_the_client_put_in_front()
    {
        using var portal = new LimitedPortal([.. TwoStartsPerHour, ("Sozialplattform:Proxies:Trusted:0", "10.0.0.0/8")]);

        var statuses = new List<HttpStatusCode>();
        foreach (var invented in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
            statuses.AddRange(await StartsAsync(portal, Proxy, $"{invented}, 203.0.113.1", 1));

        statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Without_the_setting_or_from_an_untrusted_address_X_Forwarded_For_changes_nothing()
    {
        using var untrusting = new LimitedPortal(TwoStartsPerHour);
        using var otherProxy = new LimitedPortal([.. TwoStartsPerHour, ("Sozialplattform:Proxies:Trusted:0", "10.9.9.9")]);

        foreach (var portal in new[] { untrusting, otherProxy })
        {
            var statuses = new List<HttpStatusCode>();
            foreach (var invented in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
                statuses.AddRange(await StartsAsync(portal, "198.51.100.50", invented, 1));
            statuses.ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests]);
        }
    }

    [Theory]
    [InlineData("nginx.local")]
    [InlineData("10.0.0.0/99")]
    [InlineData("")]
    public void A_malformed_entry_stops_the_start_naming_the_setting(string entry)
    {
        using var portal = new LimitedPortal(("Sozialplattform:Proxies:Trusted:0", Proxy), ("Sozialplattform:Proxies:Trusted:1", entry));

        var error = Should.Throw<InvalidOperationException>(() => portal.CreateClient());

        error.Message.ShouldBe($"Sozialplattform:Proxies:Trusted:1: '{entry}' is neither an IP address (10.0.0.5) nor a network in CIDR form (10.0.0.0/8).");
    }

    /// <summary>Starts the contact form <paramref name="count"/> times from <paramref name="connection"/> with the given X-Forwarded-For.</summary>
    private static async Task<List<HttpStatusCode>> StartsAsync(LimitedPortal portal, string connection, string forwardedFor, int count)
    {
        var client = portal.BrowseFrom(connection);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var service = await client.GetAsync("/de/leistungen/kontakt");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)service.Document.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("/starten"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.Http.PostAsync(form.GetAttribute("action")!,
                new FormUrlEncodedContent(PortalClient.Collect(form).Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
