using System.Net;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// Anonymous clients cannot fill the disk: a field keeps at most what its type takes, a draft at most
/// MaxDraftBytes, and each client address may start and post drafts only so often. Each host here has its own limits.
/// </summary>
public sealed class DraftLimitsTests
{
    [Fact]
    public async Task A_value_longer_than_the_field_takes_is_refused_with_the_fields_message_and_not_stored()
    {
        using var portal = new LimitedPortal();
        var client = portal.Browse();
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var (_, before) = await portal.DraftsAsync();

        var refused = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = new string('x', 2001), ["name"] = "Sonnenblume",
        }, "next");

        refused.Path.ShouldBe(page.Path, "the citizen stays on the page");
        refused.FieldErrors.ShouldContain("„Ihre Nachricht“ darf höchstens 2000 Zeichen lang sein.");
        refused.Document.QuerySelector("textarea[name=nachricht]")!.TextContent.ShouldBeEmpty("the over-long text was not stored");
        refused.Document.QuerySelector("input[name=name]")!.GetAttribute("value").ShouldBe("Sonnenblume", "the other answers of the post are kept");
        var (_, after) = await portal.DraftsAsync();
        (after - before).ShouldBeLessThan(1000);

        var again = await client.GetAsync(page.Path);
        again.Document.QuerySelector("textarea[name=nachricht]")!.TextContent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Four_megabytes_in_one_field_are_refused_before_the_form_is_read_and_store_nothing()
    {
        using var portal = new LimitedPortal();
        var client = portal.Browse();
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var (_, before) = await portal.DraftsAsync();

        var refused = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["nachricht"] = new string('x', 4 * 1024 * 1024) }, "next");

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await portal.DraftsAsync()).Bytes.ShouldBe(before);
    }

    [Fact]
    public async Task A_draft_larger_than_the_limit_is_not_saved_and_the_input_stays_in_the_form()
    {
        using var portal = new LimitedPortal(("Sozialplattform:Portal:MaxDraftBytes", "1500"));
        var client = portal.Browse();
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var message = string.Concat(Enumerable.Repeat("Ich brauche Hilfe. ", 200))[..1990];

        var refused = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["thema"] = "schulden", ["nachricht"] = message }, "next");

        refused.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        refused.SummaryErrors.ShouldContain(e => e.StartsWith("Ihre Angaben sind zusammen zu umfangreich, um gespeichert zu werden (höchstens 1,5 KB)"));
        refused.Document.QuerySelector("textarea[name=nachricht]")!.TextContent.ShouldBe(message, "nothing typed is lost");
        (await client.GetAsync(page.Path)).Document.QuerySelector("textarea[name=nachricht]")!.TextContent.ShouldBeEmpty("the stored draft is unchanged");
    }

    [Fact]
    public async Task Starting_drafts_is_limited_per_client_address_under_parallel_requests_with_a_page_that_says_to_wait()
    {
        using var portal = new LimitedPortal(("Sozialplattform:Portal:RateLimits:Starts", "3"), ("Sozialplattform:Portal:RateLimits:Window", "01:00:00"));
        var attacker = portal.BrowseFrom("203.0.113.7");
        var service = await attacker.GetAsync("/de/leistungen/kontakt");
        var (draftsBefore, _) = await portal.DraftsAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostStartAsync(attacker, service)));

        statuses.Count(s => s == HttpStatusCode.Redirect).ShouldBe(3);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(17);
        (await portal.DraftsAsync()).Count.ShouldBe(draftsBefore + 3);
        var refused = await attacker.SubmitAsync(service, "/starten");
        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Text("h1").ShouldBe("Zu viele Anfragen in kurzer Zeit");
        refused.Html.ShouldContain("Ihre gespeicherten Angaben gehen nicht verloren");
        refused.Response.Headers.RetryAfter.ShouldNotBeNull();

        var neighbour = portal.BrowseFrom("198.51.100.20");
        var started = await neighbour.SubmitAsync(await neighbour.GetAsync("/de/leistungen/kontakt"), "/starten");
        started.Path.ShouldContain("/ort", Case.Sensitive, "another address is not affected");
    }

    [Fact]
    public async Task Posting_pages_of_a_draft_is_limited_per_client_address_under_parallel_requests()
    {
        using var portal = new LimitedPortal(("Sozialplattform:Portal:RateLimits:Saves", "6"), ("Sozialplattform:Portal:RateLimits:Window", "01:00:00"));
        var client = portal.BrowseFrom("2001:db8:1:2::5");
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var action = page.Document.QuerySelector("form.wizard")!.GetAttribute("action")!;
        var fields = PortalClient.Collect((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector("form.wizard")!);

        // One post (the place) is spent already. The same /64 network from another address counts as the same client
        // (its posts, without this browser's cookies, are refused for their missing token, but they are counted).
        var sameNetwork = portal.BrowseFrom("2001:db8:1:2::99");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostAsync(i % 2 == 0 ? client : sameNetwork, action, [.. fields, ("action", "update")])));

        statuses.Count(s => s != HttpStatusCode.TooManyRequests).ShouldBe(5);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(15);
        (await PostAsync(portal.BrowseFrom("2001:db8:1:3::5"), action, fields)).ShouldNotBe(HttpStatusCode.TooManyRequests, "another network is not affected");
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    public void Clients_are_told_apart_by_IPv4_address_or_IPv6_network(string address, string key) =>
        DraftLimits.ClientKey(IPAddress.Parse(address)).ShouldBe(key);

    [Fact]
    public async Task A_burst_of_hostile_requests_grows_the_database_by_at_most_a_few_megabytes()
    {
        // The shipped rate limits, not the tests' generous ones.
        using var portal = new LimitedPortal(("Sozialplattform:Portal:RateLimits:Starts", "30"), ("Sozialplattform:Portal:RateLimits:Saves", "600"));
        var before = await portal.DatabaseBytesAsync();
        var huge = new string('x', 1024 * 1024);

        var requests = Enumerable.Range(0, 60).Select(async _ =>
        {
            var client = portal.BrowseFrom("203.0.113.66");
            var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/kontakt"), "/starten");
            if (place.Status != HttpStatusCode.OK) return;
            var chosen = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
            var first = await client.GetAsync(chosen.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
            var form = (AngleSharp.Html.Dom.IHtmlFormElement)first.Document.QuerySelector("form.wizard")!;
            var fields = PortalClient.Collect(form);
            fields.RemoveAll(f => f.Name is "nachricht" or "name" or "themaAnderes" or "email");
            for (var i = 0; i < 5; i++)
                await client.PostAsync(form.GetAttribute("action")!, [.. fields, ("nachricht", huge[..(2000 + i)]), ("name", huge[..100_000]), ("themaAnderes", huge[..60_000]), ("email", huge[..500]), ("action", "save")]);
        });
        await Task.WhenAll(requests);

        (await portal.DatabaseBytesAsync() - before).ShouldBeLessThan(3 * 1024 * 1024);
        (await portal.DraftsAsync()).Count.ShouldBeLessThanOrEqualTo(30);
    }

    private static async Task<HttpStatusCode> PostStartAsync(PortalClient client, PortalPage service)
    {
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)service.Document.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("/starten"));
        return await PostAsync(client, form.GetAttribute("action")!, PortalClient.Collect(form));
    }

    private static async Task<HttpStatusCode> PostAsync(PortalClient client, string url, IEnumerable<(string Name, string Value)> fields)
    {
        using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        return response.StatusCode;
    }
}
