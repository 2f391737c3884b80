using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Web;

public sealed class CentresApiTests : IClassFixture<CentresPortal>
{
    private readonly CentresPortal _portal;

    public CentresApiTests(CentresPortal portal)
    {
        _portal = portal;
        portal.ImportAsync([.. Enumerable.Range(1, 5).Select(i => TestCentres.Centre($"api-{i}", i % 2 == 0 ? TestCentres.Koeln : TestCentres.Bonn))]).GetAwaiter().GetResult();
    }

    private async Task<JsonElement> GetAsync(string url) => JsonDocument.Parse(await _portal.CreateClient().GetStringAsync(url)).RootElement;

    [Fact]
    public async Task The_search_answers_with_the_finders_ranking_reasons_and_paging()
    {
        var all = await GetAsync("/api/v1/beratungsstellen?ort=50667&pro-seite=50");
        var second = await GetAsync("/api/v1/beratungsstellen?ort=50667&pro-seite=2&seite=2");

        all.GetProperty("total").GetInt32().ShouldBe(5);
        all.GetProperty("place").GetProperty("postalCode").GetString().ShouldBe("50667");
        var first = all.GetProperty("results")[0];
        first.GetProperty("reason").GetString().ShouldBe("postalCode");
        first.GetProperty("distanceKm").GetDouble().ShouldBe(0);
        second.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("centre").GetProperty("id").GetGuid())
            .ShouldBe(all.GetProperty("results").EnumerateArray().Skip(2).Take(2).Select(r => r.GetProperty("centre").GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_draft_that_was_never_published_is_not_in_the_API_nor_on_a_page_nor_as_a_vcard()
    {
        var store = _portal.Services.GetRequiredService<CentreStore>();
        var draft = await store.CreateDraftAsync("test", TestCentres.Centre("entwurf", TestCentres.Koeln), "redaktion");

        (await _portal.CreateClient().GetAsync($"/api/v1/beratungsstellen/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _portal.CreateClient().GetAsync($"/de/beratungsstellen/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _portal.CreateClient().GetAsync($"/de/beratungsstellen/{draft}/kontakt.vcf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync("/api/v1/beratungsstellen?ort=50667&pro-seite=50")).GetProperty("results").EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("centre").GetProperty("id").GetGuid() == draft);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_versioned_API()
    {
        var document = await GetAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/beratungsstellen", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/beratungsstellen/{id}", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_parameters_are_ignored_and_never_an_error()
    {
        var response = await _portal.CreateClient().GetAsync("/api/v1/beratungsstellen?seite=-3&pro-seite=100000&umkreis=abc&weg=teleport&sprache=%3Cb%3E");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32()).ShouldBe((1, 50));
    }
}

public sealed class CentresApiLimitTests
{
    [Fact]
    public async Task The_rate_limit_holds_under_parallel_requests()
    {
        using var portal = new CentresPortal(apiRequestsPerMinute: 5);
        var client = portal.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/api/v1/beratungsstellen").ContinueWith(t => t.Result.StatusCode)));

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(15);
    }
}
