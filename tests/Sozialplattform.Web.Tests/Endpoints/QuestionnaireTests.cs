using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// The Sozialleistungsfinder (<c>"purpose": "questionnaire"</c>): no place, no login, no submission; its last page is
/// the printable result — the services the form's rules decide on, linked to the portal's own pages.
/// </summary>
[Collection(nameof(CatalogPortal))]
public sealed class QuestionnaireTests(CatalogPortal portal)
{
    private static readonly string Situations = Path.Combine(RepositoryPaths.LatestForm("sozialleistungsfinder"), "situations");

    public static TheoryData<string> LifeSituations() =>
        new(["alleinerziehend-minijob", "rentnerin-kleine-rente", "asylsuchende-familie", "junger-wohnungsloser", "keine-leistung"]);

    [Theory]
    [MemberData(nameof(LifeSituations))]
    public async Task The_result_of_a_life_situation_answered_page_by_page_lists_exactly_its_expected_services(string situation)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Situations, situation + ".json")))!.AsObject();
        var expected = file["expectedServices"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var client = portal.Factory.Browse();

        var result = await new WizardWalker(client, file["answers"]!.AsObject()).WalkAsync(await StartAsync(client), IsResult);

        ResultServices(result).ShouldBe(expected);
        result.Text(".result-tag").ShouldBe("Nur zur Orientierung – keine Entscheidung");
    }

    [Fact]
    public async Task The_finder_asks_for_no_place_and_offers_no_summary_and_no_submit()
    {
        var client = portal.Factory.Browse();
        var service = await client.GetAsync("/de/leistungen/sozialleistungsfinder");
        service.Document.QuerySelector("form[action$='/starten'] button")!.TextContent.Trim().ShouldBe("Fragen beantworten");

        var first = await client.SubmitAsync(service, "/starten");
        first.Path.ShouldEndWith("/seite/start");
        first.Document.QuerySelectorAll(".steps__item").Select(s => s.TextContent.Trim()).ShouldNotContain("Ort");
        first.Document.QuerySelectorAll(".steps__item").Select(s => s.TextContent.Trim()).ShouldNotContain("Zusammenfassung");

        var draft = Journeys.DraftId(first);
        (await client.GetAsync($"/de/antrag/{draft}/ort")).Path.ShouldEndWith("/seite/start");
        (await client.GetAsync($"/de/antrag/{draft}/zusammenfassung")).Path.ShouldEndWith("/seite/start");

        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(Situations, "alleinerziehend-minijob.json")))!["answers"]!.AsObject();
        var result = await new WizardWalker(client, answers).WalkAsync(first, IsResult);
        result.Document.QuerySelector("form[action$='/absenden']").ShouldBeNull();
        result.Document.QuerySelector("button[value=next]").ShouldBeNull();
        result.Document.QuerySelector("[data-print]").ShouldNotBeNull();

        var submitted = await client.PostAsync($"/de/antrag/{draft}/absenden", [("__RequestVerificationToken", Token(result)), ("sendung", new string('a', 32))]);
        submitted.Path.ShouldBe(result.Path);
        (await CountAsync("SELECT COUNT(*) FROM Submissions WHERE FormId = 'sozialleistungsfinder'")).ShouldBe(0);
    }

    [Fact]
    public async Task The_result_links_to_the_service_pages_and_their_start_button_in_the_citizens_language()
    {
        var client = portal.Factory.Browse();
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(Situations, "alleinerziehend-minijob.json")))!["answers"]!.AsObject();
        var service = await client.GetAsync("/tr/leistungen/sozialleistungsfinder");
        var result = await new WizardWalker(client, answers, "tr").WalkAsync(await client.SubmitAsync(service, "/starten"), IsResult);

        var links = result.Document.QuerySelectorAll("[data-path=ergebnis_buergergeld] a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe(["/tr/leistungen/buergergeld", "/tr/leistungen/buergergeld#antrag-starten"]);
        var target = await client.GetAsync(links[1]!);
        target.Document.QuerySelector("form#antrag-starten[action='/tr/leistungen/buergergeld/starten']").ShouldNotBeNull();
        result.Document.QuerySelector("[data-path=hinweis_beratung] a")!.GetAttribute("href").ShouldBe("/tr/beratungsstellen");
        result.Html.ShouldContain("<em>");
        result.Document.QuerySelectorAll("[data-path=info_kinderzuschlag] a").Select(a => a.GetAttribute("href")).ShouldBe(["https://www.arbeitsagentur.de/familie-und-kinder/kinderzuschlag-verstehen"]);
        result.Document.QuerySelectorAll(".topic__information a").Select(a => a.GetAttribute("href")).ShouldBe(["/tr/themen/schulden", "/tr/themen/sucht", "/tr/themen/wohnung"]);
    }

    [Fact]
    public async Task The_print_view_shows_the_result_without_the_wizard_and_works_without_JavaScript()
    {
        var client = portal.Factory.Browse();
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(Situations, "gewaltopfer.json")))!["answers"]!.AsObject();
        var result = await new WizardWalker(client, answers, "ar").WalkAsync(await client.SubmitAsync(await client.GetAsync("/ar/leistungen/sozialleistungsfinder"), "/starten"), IsResult);
        result.Document.DocumentElement.GetAttribute("dir").ShouldBe("rtl");

        var print = await client.GetAsync(result.Document.QuerySelector("a[href$='?druck=1']")!.GetAttribute("href")!);
        print.Status.ShouldBe(HttpStatusCode.OK);
        print.Document.QuerySelector(".steps").ShouldBeNull();
        print.Document.QuerySelector("form.wizard").ShouldBeNull();
        ResultServices(print).ShouldBe(ResultServices(result));
        print.Text(".result-tag").ShouldBe("للتوجيه فقط – ليس قراراً");
    }

    [Fact]
    public async Task The_result_page_before_every_question_is_answered_leads_back_to_the_first_open_question()
    {
        var client = portal.Factory.Browse();
        var first = await StartAsync(client);
        var early = await client.GetAsync(first.Path.Replace("/seite/start", "/seite/ergebnis", StringComparison.Ordinal));
        early.Path.ShouldEndWith("/seite/start");
        early.SummaryErrors.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Answers_are_kept_as_an_anonymous_draft_and_resumed_with_the_secret_link()
    {
        var client = portal.Factory.Browse();
        var first = await StartAsync(client);
        var note = first.Text("[data-path=hinweis_start]");
        note.ShouldContain("verschlüsselt gespeichert", customMessage: "the first page says truthfully that the answers are kept (from version 1.1.0)");
        note.ShouldNotContain("nicht gespeichert");
        var saved = await client.SubmitAsync(first, "/senden", new Dictionary<string, string?> { ["alter"] = "44" }, "save");
        saved.Text("h1").ShouldBe("Ihre Antworten sind gespeichert", "a questionnaire is not an application");
        saved.Document.Body!.TextContent.ShouldContain("30 Tage nach der letzten Änderung automatisch gelöscht");
        var link = new Uri(saved.Document.QuerySelector("#resume-link")!.GetAttribute("value")!);

        var resumed = await portal.Factory.Browse().GetAsync(link.PathAndQuery);
        resumed.Path.ShouldEndWith("/seite/start");
        resumed.Document.QuerySelector("#f-alter")!.GetAttribute("value").ShouldBe("44");
    }

    [Fact]
    public async Task A_questionnaire_never_asks_for_a_login_even_when_its_definition_names_one()
    {
        var client = portal.Factory.Browse();
        var service = await client.GetAsync("/de/leistungen/fragebogen-login");
        service.Html.ShouldNotContain("melden Sie sich");
        var first = await client.SubmitAsync(service, "/starten");
        first.Path.ShouldEndWith("/seite/frage");

        var result = await client.SubmitAsync(first, "/senden", new Dictionary<string, string?> { ["alter"] = "30" }, "next");
        result.Path.ShouldEndWith("/seite/ergebnis");
        result.Document.QuerySelector("[data-path=volljaehrig]")!.HasAttribute("hidden").ShouldBeFalse();
    }

    private static async Task<PortalPage> StartAsync(PortalClient client) =>
        await client.SubmitAsync(await client.GetAsync("/de/leistungen/sozialleistungsfinder"), "/starten");

    private static bool IsResult(PortalPage page) => page.Document.QuerySelector(".result-tag") is not null;

    /// <summary>The services of the visible result items, by the service page they link to.</summary>
    public static List<string> ResultServices(PortalPage page) =>
        page.Document.QuerySelectorAll("[data-path^=ergebnis_]:not([hidden])")
            .Select(item => item.QuerySelector("a[href*='/leistungen/']")!.GetAttribute("href")!.Split('/')[3].Split('#')[0])
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Token(PortalPage page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.Factory.Folders.Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
