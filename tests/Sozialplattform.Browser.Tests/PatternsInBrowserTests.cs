using System.Text.Json.Nodes;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>tests/Conformance/patterns.json in Chromium: the HTML pattern attribute the portal renders decides as the server does.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class PatternsInBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Every_pattern_case_gives_the_same_verdict_in_the_page_as_on_the_server()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/de");
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Conformance", "patterns.json")))!["cases"]!.AsArray();

        var mismatches = new List<string>();
        foreach (var item in cases)
        {
            var (pattern, value, matches) = (item!["pattern"]!.GetValue<string>(), item["value"]!.GetValue<string>(), item["matches"]!.GetValue<bool>());
            var mismatch = await page.EvaluateAsync<bool>(
                "([p, v]) => { const input = document.createElement('input'); input.pattern = p; input.value = v; return input.validity.patternMismatch; }",
                new[] { pattern, value });
            if (mismatch == matches) mismatches.Add($"'{value}' against '{pattern}': the page says {(mismatch ? "no match" : "match")}");
        }

        mismatches.ShouldBeEmpty();
    }
}
