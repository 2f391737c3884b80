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
