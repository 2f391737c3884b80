using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Tests.Samples;

/// <summary>Every sample under samples/forms: the definition loads, valid answers pass, invalid answers give exactly the expected findings.</summary>
public class SampleTests
{
    public static TheoryData<string> SampleIds()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Path.Combine(TestSupport.Samples, "forms")).Order())
            data.Add(Path.GetFileName(directory));
        return data;
    }

    [Fact]
    public void There_are_at_least_six_samples() => Directory.GetDirectories(Path.Combine(TestSupport.Samples, "forms")).Length.ShouldBeGreaterThanOrEqualTo(6);

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Sample_definition_loads_without_errors_or_warnings(string id)
    {
        var result = FormEngine.Load(SamplePath(id, "form.json"), TestSupport.Options);
        result.Problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Valid_answers_of_the_sample_are_valid(string id)
    {
        var engine = TestSupport.LoadSample(id);
        var result = engine.Validate(Read(SamplePath(id, "answers", "valid.json")));
        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Invalid_answers_of_the_sample_give_exactly_the_expected_errors_and_warnings(string id)
    {
        var engine = TestSupport.LoadSample(id);
        var expected = JsonNode.Parse(File.ReadAllText(SamplePath(id, "answers", "invalid.expected.json")))!;
        var result = engine.Validate(Read(SamplePath(id, "answers", "invalid.json")));

        Findings(result.Errors).ShouldBe(Expected(expected["errors"]), ignoreOrder: true);
        Findings(result.Warnings).ShouldBe(Expected(expected["warnings"]), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Every_error_of_the_invalid_answers_has_a_german_and_an_english_text_that_is_not_its_code(string id)
    {
        var engine = TestSupport.LoadSample(id);
        var result = engine.Validate(Read(SamplePath(id, "answers", "invalid.json")));
        foreach (var error in result.Errors.Concat(result.Warnings))
        {
            error.Text("de").ShouldNotBe(error.Code);
            error.Text("en").ShouldNotBe(error.Code);
            error.Text("de").ShouldNotContain("{");
        }
    }

    private static string SamplePath(string id, params string[] parts) =>
        Path.Combine([TestSupport.Samples, "forms", id, "1.0.0", .. parts]);

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static List<string> Findings(IEnumerable<Sozialplattform.Engine.Validation.FieldError> errors) => errors.Select(e => $"{e.Path} {e.Code}").ToList();

    private static List<string> Expected(JsonNode? list) =>
        list?.AsArray().Select(e => $"{e!["path"]!.GetValue<string>()} {e["code"]!.GetValue<string>()}").ToList() ?? [];
}
