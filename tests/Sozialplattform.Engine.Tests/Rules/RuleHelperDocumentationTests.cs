using System.Text;

namespace Sozialplattform.Engine.Tests.RuleCases;

/// <summary>docs/RULES.md lists every registered helper, generated from the registry.</summary>
public class RuleHelperDocumentationTests
{
    private const string Start = "<!-- helpers:start -->";
    private const string End = "<!-- helpers:end -->";

    [Fact]
    public void RuleHelperDocumentation_lists_every_registered_helper()
    {
        var path = Path.Combine(TestSupport.RepositoryRoot, "docs", "RULES.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var table = new StringBuilder("\n");
        foreach (var family in TestSupport.Options.RuleFunctions.All.GroupBy(f => f.Family))
        {
            table.AppendLine($"### {family.Key}\n");
            table.AppendLine("| helper | what it returns | example |");
            table.AppendLine("|---|---|---|");
            foreach (var function in family) table.AppendLine($"| `{function.Signature}` | {function.Description} | `{function.Example}` |");
            table.AppendLine();
        }

        var before = text[..(text.IndexOf(Start, StringComparison.Ordinal) + Start.Length)];
        var after = text[text.IndexOf(End, StringComparison.Ordinal)..];
        var expected = before + table + after;
        if (Environment.GetEnvironmentVariable("APPROVE") == "1") File.WriteAllText(path, expected);
        text.ShouldBe(expected, "docs/RULES.md is out of step with the helper registry; run with APPROVE=1 to regenerate it");
    }
}
