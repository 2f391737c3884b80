using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Tests.Content;
using Sozialplattform.Engine;

namespace Sozialplattform.Catalog.Tests.Engine;

/// <summary>The Sozialleistungsfinder decides by rules in its definition: each life situation shows exactly its services.</summary>
public class LifeSituationTests
{
    /// <summary>The newest version: the situations test the rules new questionnaires are answered with.</summary>
    private static readonly CatalogReference Finder = Repository.Catalog.ResolveForm("sozialleistungsfinder", null);
    private static string SituationFolder => Path.Combine(CatalogForms.Folder(Finder), "situations");

    public static TheoryData<string> Situations =>
        new(Directory.GetFiles(SituationFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Situations))]
    public void Each_life_situation_shows_exactly_its_expected_services(string situation)
    {
        var data = CatalogJson.ReadObject(Path.Combine(SituationFolder, situation + ".json"));
        var engine = CatalogForms.Engine(Finder);
        var answers = data["answers"]!.AsObject();

        var result = engine.Validate(answers);
        var shown = ServiceCatalogTests.Services.Where(s => result.State.IsVisible(SozialleistungsfinderTests.ResultKey(s))).Order(StringComparer.Ordinal);

        result.Errors.Select(e => e.ToString()).ShouldBeEmpty("the situation's answers must be complete and valid");
        shown.ShouldBe(data["expectedServices"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal), data["description"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void Each_life_situation_shows_exactly_its_expected_information_results_for_benefits_of_other_offices(string situation)
    {
        var data = CatalogJson.ReadObject(Path.Combine(SituationFolder, situation + ".json"));
        var state = CatalogForms.Engine(Finder).Evaluate(data["answers"]!.AsObject());

        var shown = InformationResults.Where(benefit => state.IsVisible("info_" + benefit)).Order(StringComparer.Ordinal);

        shown.ShouldBe(data["expectedInformation"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal), data["description"]!.GetValue<string>());
    }

    [Fact]
    public void Together_the_life_situations_show_every_information_result()
    {
        var shown = Directory.GetFiles(SituationFolder, "*.json").Select(CatalogJson.ReadObject)
            .SelectMany(s => s["expectedInformation"]!.AsArray().Select(e => e!.GetValue<string>())).ToHashSet();

        shown.ShouldBe(InformationResults, ignoreOrder: true);
    }

    /// <summary>Benefits of other offices the finder points to (Wohngeld, Kinderzuschlag, …): information, no application here.</summary>
    private static readonly string[] InformationResults = ["elterngeld", "kindergeld", "kinderzuschlag", "unterhaltsvorschuss", "wohngeld"];

    [Fact]
    public void The_orientation_note_is_always_shown_and_the_no_result_note_only_when_nothing_fits()
    {
        var engine = CatalogForms.Engine(Finder);
        var none = CatalogJson.ReadObject(Path.Combine(SituationFolder, "keine-leistung.json"))["answers"]!.AsObject();
        var some = CatalogJson.ReadObject(Path.Combine(SituationFolder, "nur-schulden.json"))["answers"]!.AsObject();

        engine.Evaluate(none).IsVisible("hinweis_orientierung").ShouldBeTrue();
        engine.Evaluate(none).IsVisible("hinweis_keine").ShouldBeTrue();
        engine.Evaluate(some).IsVisible("hinweis_keine").ShouldBeFalse();
    }
}
