using System.Globalization;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Tests.RuleCases;

/// <summary>Runs tests/Conformance/rules.json against the server runtime (Jint); the browser runtime runs the same file.</summary>
public class ConformanceTests
{
    private static readonly JsonObject Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.RepositoryRoot, "tests", "Conformance", "rules.json")))!.AsObject();

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var item in Cases["cases"]!.AsArray()) names.Add(item!["name"]!.GetValue<string>());
        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rule_case_gives_the_expected_result_in_jint(string name)
    {
        var testCase = Cases["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();
        var today = DateOnly.ParseExact(Cases["today"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = TestSupport.Options.RuleEngine.EvaluateUnchecked(testCase["expression"]!.GetValue<string>(), testCase["variables"]!.AsObject(), today);

        if (testCase["expectedSyntaxError"] is not null)
        {
            result.SyntaxError.ShouldNotBeNull();
            return;
        }

        result.SyntaxError.ShouldBeNull();
        if (testCase["expectedFailure"] is { } failure)
        {
            result.Failure.ShouldNotBeNull();
            result.Failure.Code.ShouldBe(failure.GetValue<string>());
            return;
        }

        result.Failure.ShouldBeNull();
        Normalize(result.Value).ShouldBe(Normalize(testCase["expected"]));
    }

    /// <summary>Compares numbers by value (17 and 17.0 are the same), everything else as JSON.</summary>
    private static string Normalize(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(",", array.Select(Normalize)) + "]",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Normalize(p.Value)}")) + "}",
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => Sozialplattform.Engine.Fields.AnswerValues.Decimal(value).ToString("0.##########", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
