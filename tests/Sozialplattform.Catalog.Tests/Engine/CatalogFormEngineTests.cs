using System.Text.Json.Nodes;
using Sozialplattform.Engine;

namespace Sozialplattform.Catalog.Tests.Engine;

/// <summary>The catalog as the engine sees it: every form loads, every sample answer gets exactly the expected verdict.</summary>
public class CatalogFormEngineTests
{
    public static TheoryData<string> Forms => CatalogForms.Forms;
    public static TheoryData<string, string> ValidAnswers => CatalogForms.AnswerFiles("valid*.json");
    public static TheoryData<string, string> InvalidAnswers => CatalogForms.AnswerFiles("invalid*.json");

    private static JsonObject Answers(CatalogReference form, string file)
    {
        var read = AnswerReader.ReadFile(Path.Combine(CatalogForms.Folder(form), "answers", file), FormEngineOptions.Default.AnswerLimits);
        read.Success.ShouldBeTrue(read.Problem?.Text("en"));
        return read.Answers!;
    }

    private static string[] Pairs(IEnumerable<Sozialplattform.Engine.Validation.FieldError> errors) =>
        errors.Select(e => $"{e.Path} {e.Code}").Order(StringComparer.Ordinal).ToArray();

    private static string[] Pairs(JsonNode? expected) =>
        (expected as JsonArray ?? []).Select(e => $"{e!["path"]} {e["code"]}").Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_loads_in_the_engine_without_errors_or_warnings(string form)
    {
        var loaded = CatalogForms.Load(CatalogReference.Parse(form));

        loaded.Problems.Select(p => p.ToString()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ValidAnswers))]
    public void Every_valid_sample_answer_has_no_errors(string form, string file)
    {
        var reference = CatalogReference.Parse(form);

        var result = CatalogForms.Engine(reference).Validate(Answers(reference, file));

        Pairs(result.Errors).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public void Every_invalid_sample_answer_gives_exactly_the_expected_errors_and_warnings(string form, string file)
    {
        var reference = CatalogForms.Folder(CatalogReference.Parse(form));
        var expected = CatalogJson.ReadObject(Path.Combine(reference, "answers", file.Replace(".json", ".expected.json", StringComparison.Ordinal)));

        var result = CatalogForms.Engine(CatalogReference.Parse(form)).Validate(Answers(CatalogReference.Parse(form), file));

        Pairs(result.Errors).ShouldBe(Pairs(expected["errors"]));
        Pairs(result.Warnings).ShouldBe(Pairs(expected["warnings"]));
        result.IsValid.ShouldBeFalse();
    }
}
