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
    /// <summary>
    /// Measured on the catalog of 2026-12-06 (71 versions of 24 forms): 793 of 902 conditions (88 %; 753 before), 40 of them
    /// only since the builder compares with another answer and computes sums, counts and days/months between dates; the
    /// rest compute the value they compare with by arithmetic, count rows that meet a condition, or negate a whole group.
    /// </summary>
    private const int ShownVisuallyAtLeast = 793;

    [Fact]
    public void The_builder_shows_most_catalog_conditions_and_writes_each_back_to_an_equivalent_expression()
    {
        var catalog = new CatalogDirectory(Repository.Catalog);
        int total = 0, shown = 0, sameText = 0, withAnswersOrComputed = 0;
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
                if (Comparisons(read.Condition!).Any(c => c.Measure != Measure.Answer || c.Values.Any(v => v.Kind == ValueKind.Answer))) withAnswersOrComputed++;
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
                    // A plain group's member read on no answers at all fails in both (the group is null): the same verdict.
                    after.Success.ShouldBe(before.Success, $"{file} {site.RulePath}: {site.Expression} ⇒ {written.Expression}: {before.Failure} / {after.Failure}");
                    if (!before.Success) continue;
                    after.Value?.ToJsonString().ShouldBe(before.Value?.ToJsonString(), $"{file} {site.RulePath}: {site.Expression} ⇒ {written.Expression}");
                }
            }
        }

        output.WriteLine($"{shown} of {total} conditions shown visually ({sameText} written back with the same text; {withAnswersOrComputed} compare with another answer or a computed value); not shown: {string.Join(", ", reasons.Select(r => $"{r.Key} {r.Value}"))}");
        total.ShouldBeGreaterThan(300);
        shown.ShouldBeGreaterThanOrEqualTo(ShownVisuallyAtLeast);
    }

    private static IEnumerable<Comparison> Comparisons(Condition condition) =>
        condition is ConditionGroup group ? group.Items.SelectMany(Comparisons) : [(Comparison)condition];

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
