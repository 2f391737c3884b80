using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Designer.Rules;
using Sozialplattform.Designer.Rules.Conditions;
using Sozialplattform.Designer.TestHost.Testing;
using Sozialplattform.Engine.Catalog;
using Xunit.Abstractions;

namespace Sozialplattform.Designer.Tests.Rules.Conditions;

public sealed partial class CatalogConditionTests(ITestOutputHelper output)
{
    /// <summary>Measured on the catalog of 2026-12-05: 255 of 314 conditions (81 %); the rest compute the value they compare with, count or sum rows, or negate a whole group.</summary>
    private const int ShownVisuallyAtLeast = 255;

    [Fact]
    public void The_builder_shows_most_catalog_conditions_and_writes_each_back_to_an_equivalent_expression()
    {
        var catalog = new CatalogDirectory(Repository.Catalog);
        int total = 0, shown = 0, sameText = 0;
        var reasons = new Dictionary<string, int>();
        foreach (var file in Repository.CatalogForms())
        {
            var form = (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;
            var samples = SampleAnswers(file);
            foreach (var site in ConditionSites.Of(form))
            {
                total++;
                var read = ConditionReader.Read(site.Expression);
                if (!read.Expressible)
                {
                    reasons[read.NotExpressible!.Code] = reasons.GetValueOrDefault(read.NotExpressible.Code) + 1;
                    continue;
                }

                shown++;
                var written = ConditionWriter.Write(read.Condition!);
                written.Problems.ShouldBeEmpty(site.Expression);
                ConditionReader.Read(written.Expression!).Condition.ShouldBe(read.Condition, written.Expression);
                if (Normalised(written.Expression!) == Normalised(site.Expression))
                {
                    sameText++;
                    continue;
                }

                var scope = RuleScope.For(form, site.Element, site.Property, catalog);
                var ownKey = site.Property == "validations" ? site.Element.Find(form)?["key"]?.ToString() : null;
                foreach (var answers in samples)
                {
                    var before = RuleTrial.Try(scope, site.Expression, answers, ownKey).Result;
                    var after = RuleTrial.Try(scope, written.Expression!, answers, ownKey).Result;
                    before.Success.ShouldBeTrue($"{file} {site.RulePath}: {site.Expression}");
                    after.Success.ShouldBeTrue($"{file} {site.RulePath}: {written.Expression}");
                    after.Value?.ToJsonString().ShouldBe(before.Value?.ToJsonString(), $"{file} {site.RulePath}: {site.Expression} ⇒ {written.Expression}");
                }
            }
        }

        output.WriteLine($"{shown} of {total} conditions shown visually ({sameText} written back with the same text); not shown: {string.Join(", ", reasons.Select(r => $"{r.Key} {r.Value}"))}");
        total.ShouldBeGreaterThan(300);
        shown.ShouldBeGreaterThanOrEqualTo(ShownVisuallyAtLeast);
    }

    /// <summary>The form's sample answers, and no answers at all (every name empty).</summary>
    private static List<JsonObject> SampleAnswers(string formFile)
    {
        var directory = Path.Combine(Path.GetDirectoryName(formFile)!, "answers");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)) : [];
        return [new JsonObject(), .. files.Order(StringComparer.Ordinal).Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)];
    }

    private static string Normalised(string expression) => Whitespace().Replace(expression, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
