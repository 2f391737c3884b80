using Microsoft.AspNetCore.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Hosting;

/// <summary>
/// The portal started on the shipped tenants folder with the <c>nrw</c> tenant (all 396 Gemeinden, 703 offices: the host's
/// start checks read every file) and the service catalog: the AsylbLG place step reaches the Gemeinde's office, and a postal
/// code the GeoNames data names for two Gemeinden (52538 Gangelt and Selfkant) is a choice.
/// </summary>
public sealed class NrwPlaceStepTests(NrwPlaceStepTests.NrwPortal portal) : IClassFixture<NrwPlaceStepTests.NrwPortal>
{
    [Fact]
    public async Task A_postal_code_of_one_Gemeinde_reaches_its_AsylbLG_office_not_the_Kreis()
    {
        var client = portal.Browse();
        var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/asylblg"), "/starten");

        var chosen = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "48341" });

        chosen.Text(".panel p").ShouldBe("Ihr Ort: 48341 Altenberge");
        chosen.Text(".panel").ShouldContain("Gemeinde Altenberge – Sozialamt");
        chosen.Text(".panel").ShouldNotContain("Sozialamt Kreis Steinfurt");
    }

    [Fact]
    public async Task A_postal_code_of_two_Gemeinden_is_a_choice_and_each_choice_reaches_its_own_office()
    {
        foreach (var (ars, name) in new[] { ("053700008008", "Gangelt"), ("053700024024", "Selfkant") })
        {
            var client = portal.Browse();
            var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/asylblg"), "/starten");
            var choices = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "52538" });
            choices.Document.QuerySelectorAll("input[name=wahl]").Select(i => i.GetAttribute("value"))
                .ShouldBe(["52538|053700008008|Gangelt", "52538|053700024024|Selfkant"]);

            var chosen = await client.SubmitAsync(choices, "/ort/waehlen", new Dictionary<string, string?> { ["wahl"] = $"52538|{ars}|{name}" });

            chosen.Text(".panel p").ShouldBe($"Ihr Ort: 52538 {name}");
            chosen.Text(".panel").ShouldContain($"Gemeinde {name} – Sozialamt");
        }
    }

    [Fact]
    public async Task The_WBS_of_a_Mittlere_kreisangehoerige_Stadt_goes_to_its_own_Wohnungsamt()
    {
        var client = portal.Browse();
        var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/wohnberechtigungsschein"), "/starten");

        var chosen = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "37671" });

        chosen.Text(".panel").ShouldContain("Stadt Höxter – Wohnungsamt");
    }

    /// <summary>
    /// The shipped tenants (read, never written) with nrw as the portal's tenant, the service catalog (its forms that need a
    /// login with the development sign-in) and four postal codes.
    /// </summary>
    public sealed class NrwPortal() : DevelopmentSignInPortal(null, RepositoryPaths.FormsCatalog)
    {
        private readonly PostalCodeFile _places = new(
            "DE,48341,Altenberge,Nordrhein-Westfalen,NW,Reg.-Bez. Münster,055,Steinfurt,05566,52.05,7.4667",
            "DE,52538,Gangelt,Nordrhein-Westfalen,NW,Reg.-Bez. Köln,053,Heinsberg,05370,50.9917,5.9986",
            "DE,52538,Selfkant,Nordrhein-Westfalen,NW,Reg.-Bez. Köln,053,Heinsberg,05370,51.0167,5.9",
            "DE,37671,Höxter,Nordrhein-Westfalen,NW,Reg.-Bez. Detmold,057,Höxter,05762,51.7667,9.3833");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:TenantsFolder", Path.Combine(RepositoryPaths.FormsCatalog, "tenants"));
            builder.UseSetting("Sozialplattform:Portal:Tenant", "nrw");
            builder.UseSetting("Sozialplattform:Geo:CsvPath", _places.Path);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _places.Dispose();
        }
    }
}
