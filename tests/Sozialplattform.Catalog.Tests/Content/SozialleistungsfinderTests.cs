using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Tests.Content;

/// <summary>The structure of the Sozialleistungsfinder; its decisions per life situation are tested with the engine.</summary>
public class SozialleistungsfinderTests
{
    private static readonly string[] Languages = ["de", "en", "tr", "ar", "uk", "ru"];
    /// <summary>The newest version of the finder, with its life situations beside it.</summary>
    private static readonly CatalogReference Version = Repository.Catalog.ResolveForm("sozialleistungsfinder", null);
    private static readonly JsonObject Finder = CatalogJson.ReadObject(Repository.Catalog.FullPath(CatalogRoot.FormPath(Version)));
    private static readonly List<JsonObject> Pages = Finder["pages"]!.AsArray().Select(p => p!.AsObject()).ToList();
    private static readonly List<JsonObject> ResultItems = Pages[^1]["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    public static string ResultKey(string formId) => "ergebnis_" + formId.Replace('-', '_');

    [Fact]
    public void The_finder_asks_18_questions()
    {
        Pages.SkipLast(1).SelectMany(p => p["items"]!.AsArray()).Count(i => i!["type"]!.GetValue<string>() != "info").ShouldBe(18);
    }

    [Fact]
    public void The_result_page_starts_with_the_note_that_it_is_orientation_not_a_decision()
    {
        ResultItems[0]["key"]!.GetValue<string>().ShouldBe("hinweis_orientierung");
        ResultItems[0]["display"]!.GetValue<string>().ShouldBe("warning");
        ResultItems[0]["text"]!["de"]!.GetValue<string>().ShouldContain("keine Entscheidung");
        ResultItems[0]["visibleIf"].ShouldBeNull();
    }

    [Fact]
    public void The_result_page_has_one_conditional_item_per_service_linking_information_and_application()
    {
        foreach (var service in ServiceCatalogTests.Services)
        {
            var item = ResultItems.SingleOrDefault(i => i["key"]!.GetValue<string>() == ResultKey(service)).ShouldNotBeNull(service);
            item["visibleIf"].ShouldNotBeNull(service);
            var text = item["text"]!["de"]!.GetValue<string>();
            text.ShouldContain($"](/services/{service})");
            text.ShouldContain($"](/apply/{service})");
        }
        ResultItems.Count(i => i["key"]!.GetValue<string>().StartsWith("ergebnis_", StringComparison.Ordinal)).ShouldBe(ServiceCatalogTests.Services.Length);
    }

    [Fact]
    public void The_start_note_says_truthfully_that_the_answers_are_stored_encrypted_and_passed_on_to_no_one()
    {
        var note = Pages[0]["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => i["key"]!.GetValue<string>() == "hinweis_start");
        var text = note["text"]!["de"]!.GetValue<string>();

        text.ShouldContain("an niemanden weitergegeben");
        text.ShouldContain("verschlüsselt gespeichert");
        text.ShouldContain("automatisch gelöscht");
        text.ShouldNotContain("nicht gespeichert");
    }

    [Fact]
    public void Every_text_of_the_finder_exists_in_six_languages()
    {
        Finder["languages"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(Languages);
        foreach (var text in Texts(Finder))
            CatalogJson.TextLanguages(text).Order().ShouldBe(Languages.Order(), text.ToJsonString());
    }

    private static IEnumerable<JsonNode> Texts(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (value is null || key is "notes" or "operatorTodo") continue;
                if (key is "title" or "shortTitle" or "description" or "label" or "text" or "hint" or "message" or "unit") yield return value;
                else foreach (var inner in Texts(value)) yield return inner;
            }
        }
        else if (node is JsonArray a)
            foreach (var inner in a.OfType<JsonNode>().SelectMany(Texts)) yield return inner;
    }

    [Fact]
    public void There_are_at_least_12_life_situations_and_together_they_cover_every_service()
    {
        var folder = Repository.Catalog.FullPath($"forms/{Version.Id}/{Version.Version}/situations");
        var situations = Directory.GetFiles(folder, "*.json").Select(CatalogJson.ReadObject).ToList();

        situations.Count.ShouldBeGreaterThanOrEqualTo(12);
        var covered = situations.SelectMany(s => s["expectedServices"]!.AsArray().Select(e => e!.GetValue<string>())).ToHashSet();
        ServiceCatalogTests.Services.Where(s => !covered.Contains(s)).ShouldBeEmpty();
        situations.ShouldAllBe(s => s["description"] != null && s["answers"] is JsonObject);
    }
}
