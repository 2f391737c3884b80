using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>tests/Conformance/rules.json in Chromium: the browser's helper runtime gives the server's results.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class ConformanceInBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Every_rule_case_gives_the_same_result_in_Chromium_as_in_the_server_runtime()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/test/conformance");
        var results = JsonNode.Parse(await page.EvaluateAsync<string>("JSON.stringify(window.__results)"))!.AsArray()
            .ToDictionary(r => r!["index"]!.GetValue<int>(), r => r!.AsObject());
        var syntax = JsonNode.Parse(await page.EvaluateAsync<string>("JSON.stringify(Object.keys(window.__syntax || {}))"))!.AsArray()
            .Select(i => int.Parse(i!.GetValue<string>(), CultureInfo.InvariantCulture)).ToHashSet();

        var mismatches = new List<string>();
        var ran = 0;
        foreach (var (index, testCase) in ConformancePage.BrowserCases())
        {
            ran++;
            var name = testCase["name"]!.GetValue<string>();
            if (testCase["expectedSyntaxError"] is not null)
            {
                if (syntax.Contains(index)) mismatches.Add($"{name}: parsed in the browser, expected a syntax error");
                continue;
            }

            var result = results[index];
            if (testCase["expectedFailure"] is { } failure)
            {
                if (result["failure"]?.GetValue<string>() != failure.GetValue<string>()) mismatches.Add($"{name}: expected failure {failure}, got {result.ToJsonString()}");
                continue;
            }

            var actual = result["value"] is { } value ? JsonNode.Parse(value.GetValue<string>()) : null;
            if (result["failure"] is not null) mismatches.Add($"{name}: failed in the browser");
            else if (Normalize(actual) != Normalize(testCase["expected"])) mismatches.Add($"{name}: expected {Normalize(testCase["expected"])}, got {Normalize(actual)}");
        }

        ran.ShouldBe(ConformancePage.Cases["cases"]!.AsArray().Count(c => c!["serverOnly"] is null));
        mismatches.ShouldBeEmpty();
    }

    /// <summary>The comparison of the server's ConformanceTests: numbers by value, everything else as JSON.</summary>
    private static string Normalize(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(",", array.Select(Normalize)) + "]",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Normalize(p.Value)}")) + "}",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => Sozialplattform.Engine.Fields.AnswerValues.Decimal(value).ToString("0.##########", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
