using System.Text;

namespace Sozialplattform.Engine.Tests.AnswerChecks;

/// <summary>What happens to each kind of bad answers: a specific finding, never an exception, never a hang.</summary>
public class BadAnswerTests
{
    private static readonly FormEngine Engine = TestSupport.LoadSample("alle-feldtypen");

    [Fact]
    public void Malformed_json_answers_are_reported_with_line_and_column()
    {
        var result = AnswerReader.Read("{\n  \"name\": \"x\",\n  \"anzahl\": 3,,\n}", AnswerLimits.Default);
        result.Success.ShouldBeFalse();
        result.Problem!.Code.ShouldBe("answers.json");
        result.Problem.Args["line"].ShouldBe(3L);
        result.Problem.Text("de").ShouldContain("Zeile 3");
    }

    [Fact]
    public void Answers_that_are_not_an_object_are_rejected() =>
        AnswerReader.Read("[1, 2]", AnswerLimits.Default).Problem!.Code.ShouldBe("answers.notObject");

    [Fact]
    public void Duplicate_keys_in_answers_are_rejected() =>
        AnswerReader.Read("""{ "name": "a", "name": "b" }""", AnswerLimits.Default).Problem!.Code.ShouldBe("answers.json");

    [Fact]
    public void A_fifty_megabyte_answers_file_is_refused_by_its_size_before_it_is_parsed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"answers-{Guid.NewGuid():N}.json");
        try
        {
            using (var file = File.Create(path))
            {
                file.Write("{\"name\": \""u8);
                var chunk = Encoding.UTF8.GetBytes(new string('x', 1024 * 1024));
                for (var i = 0; i < 50; i++) file.Write(chunk);
                file.Write("\"}"u8);
            }

            var result = AnswerReader.ReadFile(path, AnswerLimits.Default);
            result.Problem!.Code.ShouldBe("answers.tooLarge");
            ((long)result.Problem.Args["size"]!).ShouldBeGreaterThan(50L * 1024 * 1024);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Ten_thousand_levels_of_nested_json_are_refused_by_the_depth_limit()
    {
        var json = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)) + "}";
        AnswerReader.Read(json, AnswerLimits.Default).Problem!.Code.ShouldBe("answers.json");
    }

    [Fact]
    public void Answers_with_wrong_types_get_a_finding_per_field()
    {
        var result = Engine.Validate(TestSupport.Answers("""
            { "name": 5, "anzahl": "drei", "betrag": "viel", "geburtsdatum": 19710615, "einverstanden": 1,
              "sprachen": "de", "anschrift": "Hauptstraße 1", "ausweis": "datei.pdf", "familienstand": ["ledig"] }
            """));
        var codes = result.Errors.ToDictionary(e => e.Path, e => e.Code);
        codes["name"].ShouldBe("type");
        codes["anzahl"].ShouldBe("integer");
        codes["betrag"].ShouldBe("money");
        codes["geburtsdatum"].ShouldBe("date");
        codes["einverstanden"].ShouldBe("boolean");
        codes["anschrift"].ShouldBe("type");
        codes["ausweis"].ShouldBe("attachment");
        codes["familienstand"].ShouldBe("type");
        codes.ShouldNotContainKey("sprachen");
    }

    [Fact]
    public void Unknown_answer_properties_are_errors_at_every_level()
    {
        var engine = TestSupport.LoadSample("haushalt");
        var result = engine.Validate(TestSupport.Answers("""{ "gibtsnicht": 1, "antragsteller": { "spitzname": "x" }, "mitglieder": [ { "haustier": "Hund" } ] }"""));
        result.Errors.Where(e => e.Code == "unknownAnswer").Select(e => e.Path)
            .ShouldBe(["gibtsnicht", "antragsteller.spitzname", "mitglieder[0].haustier"], ignoreOrder: true);
    }

    [Fact]
    public void A_group_answered_with_the_wrong_shape_is_an_error_not_a_crash()
    {
        var engine = TestSupport.LoadSample("haushalt");
        var result = engine.Validate(TestSupport.Answers("""{ "antragsteller": "Ayşe", "weiterePersonen": true, "mitglieder": { "vorname": "x" } }"""));
        result.Errors.ShouldContain(e => e.Path == "antragsteller" && e.Code == "type");
        result.Errors.ShouldContain(e => e.Path == "mitglieder" && e.Code == "type");
    }

    [Fact]
    public void More_rows_than_the_hard_limit_are_refused()
    {
        var engine = TestSupport.LoadSample("haushalt");
        var rows = string.Join(",", Enumerable.Repeat("""{ "vorname": "x" }""", 1_500));
        var result = engine.Validate(TestSupport.Answers($$"""{ "weiterePersonen": true, "mitglieder": [{{rows}}] }"""));
        result.Errors.ShouldContain(e => e.Path == "mitglieder" && e.Code == "maxRows");
        result.State.Elements.Count(e => e.Path.EndsWith(".vorname", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1_002);
    }
}
