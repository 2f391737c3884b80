using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// Pages with social data never land in a cache (no-store), and over HTTPS the browser is told to stay on HTTPS
/// (HSTS) and gets the antiforgery cookie only as Secure.
/// </summary>
[Collection(nameof(SharedPortal))]
public sealed class CachingAndTransportTests(SharedPortal portal)
{
    [Fact]
    public async Task Every_page_of_an_application_from_place_to_receipt_status_and_PDF_is_no_store()
    {
        var client = portal.Factory.Browse();
        var place = await Journeys.StartAsync(client, "kontakt");
        var first = await client.GetAsync(place.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
        var saved = await client.SubmitAsync(first, "/senden", button: "save");
        var summary = await WizardJourneyTests.CompleteKontaktAsync(client);
        var receipt = await client.SubmitAsync(summary, "/absenden");
        var status = await client.GetAsync(receipt.Document.QuerySelector("a[href*='/status/']")!.GetAttribute("href")!);
        using var pdf = await client.Http.GetAsync(receipt.Document.QuerySelector("a[href*='antrag.pdf']")!.GetAttribute("href")!);

        saved.Path.ShouldEndWith("/gespeichert");
        receipt.Path.ShouldStartWith("/de/eingang/SP-");
        foreach (var page in new[] { place, first, saved, summary, receipt, status })
        {
            page.Status.ShouldBe(HttpStatusCode.OK, page.Path);
            page.Response.Headers.CacheControl!.NoStore.ShouldBeTrue(page.Path);
        }

        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Headers.CacheControl!.NoStore.ShouldBeTrue("the applicant's PDF");
    }

    [Fact]
    public async Task Shared_files_stay_cacheable()
    {
        var client = portal.Factory.Browse();
        using var css = await client.Http.GetAsync("/css/portal.css");
        using var branding = await client.Http.GetAsync("/branding.css");
        css.Headers.CacheControl!.Public.ShouldBeTrue();
        branding.Headers.CacheControl!.Public.ShouldBeTrue();
    }

    [Fact]
    public async Task Over_HTTPS_the_portal_sends_HSTS_and_a_Secure_antiforgery_cookie()
    {
        using var https = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var response = await https.GetAsync("/de/leistungen/kontakt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000");
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sp-antiforgery=", StringComparison.Ordinal));
        antiforgery.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task Over_plain_HTTP_on_the_developers_machine_there_is_no_HSTS_and_the_cookie_still_works()
    {
        using var http = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await http.GetAsync("/de/leistungen/kontakt");

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sp-antiforgery=", StringComparison.Ordinal)).ShouldNotContain("secure", Case.Insensitive);
    }
}
