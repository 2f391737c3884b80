using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>What a new user tripped over in the catalog's services (issue 20), each fixed and pinned here.</summary>
[Collection(nameof(CatalogPortal))]
public sealed class CatalogFirstUseTests(CatalogPortal portal)
{
    [Fact]
    public async Task A_page_made_from_one_block_shows_its_heading_and_its_legal_basis_once()
    {
        var client = portal.Factory.Browse();
        var place = await Journeys.StartAsync(client, "buergergeld");
        var page = await client.GetAsync($"/de/antrag/{Journeys.DraftId(place)}/seite/krankenversicherung");

        page.Text("h1").ShouldBe("Kranken- und Pflegeversicherung");
        page.Document.QuerySelectorAll("h2, .group__legend").Select(h => h.TextContent.Trim()).ShouldNotContain("Kranken- und Pflegeversicherung");
        page.Document.QuerySelector("fieldset > legend.visually-hidden")!.TextContent.Trim().ShouldBe("Kranken- und Pflegeversicherung", "screen readers still hear the group's name");
        var notes = page.Document.QuerySelectorAll(".legal-note").Select(n => n.TextContent).ToList();
        notes.Count.ShouldBe(1);
        notes[0].ShouldContain("§ 26 SGB II");
        notes[0].ShouldContain("§ 5 SGB V");
        notes[0].Split("§ 26 SGB II").Length.ShouldBe(2, "each reference once");
    }
}
