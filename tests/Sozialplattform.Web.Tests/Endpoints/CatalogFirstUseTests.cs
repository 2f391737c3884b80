using System.Text.Json.Nodes;
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

    [Fact]
    public async Task An_error_summary_entry_with_the_forms_own_message_names_its_field()
    {
        var client = portal.Factory.Browse();
        var place = await Journeys.StartAsync(client, "buergergeld");
        var page = await client.GetAsync($"/de/antrag/{Journeys.DraftId(place)}/seite/krankenversicherung");

        var refused = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["krankenversicherung.art"] = "pflicht", ["krankenversicherung.kasse"] = "AOK", ["krankenversicherung.versichertennummer"] = "123",
        }, "next");

        refused.SummaryErrors.ShouldContain("Krankenversichertennummer: Ein Großbuchstabe und 9 Ziffern, z. B. A123456789");
        refused.FieldErrors.ShouldContain("Ein Großbuchstabe und 9 Ziffern, z. B. A123456789", "beside the field its label is already there");
    }

    [Theory]
    [InlineData("Burgergeld", "Bürgergeld", "/de/leistungen/buergergeld")]
    [InlineData("bürgregeld", "Bürgergeld", "/de/leistungen/buergergeld")]
    [InlineData("Grundsicherng", "Grundsicherung", "/de/leistungen/grundsicherung")]
    public async Task A_search_with_a_typo_finds_the_service_and_suggests_the_spelling(string typed, string suggestion, string? service)
    {
        var page = await portal.Factory.Browse().GetAsync($"/de?q={Uri.EscapeDataString(typed)}");

        page.Text(".search__suggestion").ShouldBe($"Meinten Sie {suggestion}?");
        page.Document.QuerySelector(".search__suggestion a")!.GetAttribute("href").ShouldBe($"/de?q={Uri.EscapeDataString(suggestion)}");
        var found = page.Document.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")).ToList();
        found.ShouldNotBeEmpty();
        if (service is not null) found.ShouldContain(service);
    }

    [Fact]
    public async Task A_search_that_matches_as_typed_offers_no_suggestion_and_nonsense_finds_nothing()
    {
        var exact = await portal.Factory.Browse().GetAsync("/de?q=Bürgergeld");
        exact.Document.QuerySelector(".search__suggestion").ShouldBeNull();
        exact.Document.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")).ShouldContain("/de/leistungen/buergergeld");

        var nonsense = await portal.Factory.Browse().GetAsync("/de?q=Xylophonkurs");
        nonsense.Document.QuerySelector(".search__suggestion").ShouldBeNull();
        nonsense.Document.QuerySelectorAll(".service-list a").ShouldBeEmpty();
    }

    [Fact]
    public async Task Resuming_a_draft_saved_on_the_declarations_page_lands_there_and_not_on_the_summary()
    {
        var client = portal.Factory.Browse();
        var declarations = await WalkToAsync(client, "buergergeld", "/seite/erklaerungen");

        var saved = await client.SubmitAsync(declarations, "/senden", button: "save");
        var link = new Uri(saved.Document.QuerySelector("#resume-link")!.GetAttribute("value")!);
        var resumed = await portal.Factory.Browse().GetAsync(link.PathAndQuery);

        resumed.Path.ShouldEndWith("/seite/erklaerungen", Case.Sensitive, "every other page is complete, but this one was never confirmed");
        resumed.Text("h1").ShouldBe("Hinweise und Erklärungen");
    }

    [Fact]
    public async Task The_declarations_on_the_summary_link_to_the_texts_they_confirm()
    {
        // The catalog's published versions stay as they are; their declarations name their page in their next versions.
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "erklaerungen-seite");
        var notes = await client.SubmitAsync(first, "/seite/", new Dictionary<string, string?> { ["name"] = "Ayşe" }, button: "next");
        var summary = await client.SubmitAsync(notes, "/seite/", button: "next");

        summary.Path.ShouldEndWith("/zusammenfassung");
        var links = summary.Document.QuerySelectorAll(".declarations .declaration__texts a").ToList();
        links.Count.ShouldBe(1, "the first declaration confirms the notes; the second stands on its own");
        links[0].GetAttribute("href").ShouldBe($"/de/antrag/{Journeys.DraftId(summary)}/seite/hinweise?von=zusammenfassung");
        links[0].TextContent.ShouldBe("Nachlesen: Hinweise und Erklärungen");
    }

    private async Task<PortalPage> WalkToAsync(PortalClient client, string formId, string pageEnd)
    {
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.LatestForm(formId), "answers", "valid.json")))!.AsObject();
        var first = await Journeys.FirstPageAsync(client, formId);
        var page = await new WizardWalker(client, answers).WalkAsync(first, p => p.Path.EndsWith(pageEnd, StringComparison.Ordinal));
        page.Path.ShouldEndWith(pageEnd);
        return page;
    }
}
