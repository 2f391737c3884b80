using System.Net;
using Sozialplattform.Centres.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Web;

/// <summary>
/// "Mein Standort": the finder takes the browser's position as <c>standort</c> and searches from the nearest postal code;
/// a position far from any known postal code is said to be unknown; a malformed one is ignored; the button is hidden
/// until the script (served by the portal) shows it, so the page works without JavaScript.
/// </summary>
public sealed class MyLocationTests(CentresPortalFixture fixture) : IClassFixture<CentresPortalFixture>
{
    private CentresPortal Portal => fixture.Portal;

    [Fact]
    public async Task A_position_is_searched_from_the_nearest_postal_code()
    {
        await fixture.CentresAsync();

        var page = await Portal.PageAsync("/de/beratungsstellen?standort=50.94,6.95&thema=schuldnerberatung");

        page.ShouldContain("für 50667 Köln, Stadt");
        page.ShouldContain("Beratungsstelle standort-koeln");
    }

    [Fact]
    public async Task A_position_far_from_every_known_postal_code_is_unknown_and_a_malformed_one_is_ignored()
    {
        await fixture.CentresAsync();

        var far = await Portal.CreateClient().GetAsync("/de/beratungsstellen?standort=48.14,11.58");
        var malformed = await Portal.PageAsync("/de/beratungsstellen?standort=50.94;%3Cscript%3E");

        System.Net.WebUtility.HtmlDecode(await far.Content.ReadAsStringAsync()).ShouldContain("In der Nähe Ihres Standorts kennen wir keinen Ort.");
        malformed.ShouldNotContain("field__error");
        malformed.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task The_location_button_is_hidden_without_JavaScript_and_its_script_is_served_from_our_own_origin()
    {
        var response = await Portal.CreateClient().GetAsync("/de/beratungsstellen");
        var page = await response.Content.ReadAsStringAsync();
        var elsewhere = await Portal.CreateClient().GetAsync("/de");
        var script = await Portal.CreateClient().GetAsync("/_content/Sozialplattform.Centres.Web/finder-location.js");

        page.ShouldContain("id=\"mein-standort\" hidden");
        page.ShouldContain("<input type=\"hidden\" name=\"standort\" id=\"standort\" disabled");
        response.Headers.GetValues("Permissions-Policy").ShouldBe(["camera=(), microphone=(), geolocation=(self)"], "the finder alone may ask for the position");
        elsewhere.Headers.GetValues("Permissions-Policy").ShouldBe(["camera=(), microphone=(), geolocation=()"]);
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).ShouldContain("navigator.geolocation");
    }
}

/// <summary>One portal for the location tests, with a centre in Köln.</summary>
public sealed class CentresPortalFixture : IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _imported;

    public CentresPortal Portal { get; } = new();

    public async Task CentresAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (!_imported) await Portal.ImportAsync(TestCentres.Centre("standort-koeln", TestCentres.Koeln));
            _imported = true;
        }
        finally
        {
            _once.Release();
        }
    }

    public void Dispose() => Portal.Dispose();
}
