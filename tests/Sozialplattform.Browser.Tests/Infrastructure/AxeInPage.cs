using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (all rules that axe enables by default) in the page as it is and returns its violations. The axe is the
/// one Deque ships with its .NET package, run in the page itself: the package's own <c>RunAxe</c> finishes every check in
/// a new browser page it opens for the purpose, which took five of the six seconds of each check on a busy machine (axe's
/// run itself: under one).
/// </summary>
public static class AxeInPage
{
    private static readonly Lazy<string> Injection = new(() => "() => {\n" + new BundledAxeScriptProvider().GetScript() + "\n}");

    /// <summary>Only violations, with every node: axe then skips gathering the nodes of passed, incomplete and inapplicable rules.</summary>
    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)) }));
        }
        """;

    /// <summary>The page's violations as "rule (impact) help: first three elements"; axe is put into every frame that lacks it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        foreach (var frame in page.Frames)
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await frame.EvaluateAsync(Injection.Value);
        var found = await page.EvaluateAsync<JsonElement>(Run);
        return [.. found.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()}: {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }
}
