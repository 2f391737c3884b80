using Xunit.Abstractions;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Tests;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of definitions (structure and rule text) with CsCheck, fixed seed, bounded time: every
/// sample form, mutated (values of the wrong type, missing and unknown properties, groups nested up to 80 deep,
/// duplicated items, odd unicode, random rule text, cut-off text), is either loaded or refused with specific problems,
/// never with an exception; a loaded one evaluates and validates its sample answers without an exception.
/// </summary>
public sealed class DefinitionFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] SampleIds = Directory.GetDirectories(Path.Combine(TestSupport.Samples, "forms")).Select(Path.GetFileName).OfType<string>().Order().ToArray();

    private static readonly CatalogDirectory Catalog = new(TestSupport.Samples);

    public sealed record Case(string Sample, string Json);

    private static readonly Gen<Case> Definitions =
        Gen.Select(
            Gen.OneOf(SampleIds),
            JsonFuzz.Mutations(RuleFuzz.Text, "visibleIf", "requiredIf", "readOnlyIf", "value", "when").Array[1, 4],
            Gen.Int[0, 9],
            Gen.Int[0, int.MaxValue],
            (sample, mutations, textual, cut) => new Case(sample, Mutate(sample, mutations, textual, cut)));

    private static string Mutate(string sample, JsonFuzz.Mutation[] mutations, int textual, int cut)
    {
        var root = JsonNode.Parse(File.ReadAllText(SamplePath(sample)))!;
        foreach (var mutation in mutations) mutation.Apply(root);
        var json = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, MaxDepth = 1000 });
        return textual switch
        {
            0 => json[..(cut % json.Length)],
            1 => json.Insert(cut % json.Length, "\",{]"),
            _ => json,
        };
    }

    private static string SamplePath(string sample) => Path.Combine(TestSupport.Samples, "forms", sample, "1.0.0", "form.json");

    [Fact]
    public void Mutated_definitions_are_loaded_or_refused_with_specific_problems_never_with_an_exception()
    {
        var loaded = 0;
        var ran = Fuzz.Check(Definitions, c =>
        {
            var result = FormEngine.LoadText(c.Json, "fuzz.json", Catalog, TestSupport.Options);

            foreach (var problem in result.Problems)
            {
                problem.Code.ShouldNotBeNullOrWhiteSpace();
                problem.Message.ShouldNotBeNullOrWhiteSpace();
                problem.Location.File.ShouldBe("fuzz.json");
            }

            if (result.Engine is null)
            {
                result.Errors.ShouldNotBeEmpty("a refused definition names at least one error");
                return;
            }

            Interlocked.Increment(ref loaded);
            var answers = AnswerReader.ReadFile(Path.Combine(Path.GetDirectoryName(SamplePath(c.Sample))!, "answers", "valid.json"), result.Engine.Options.AnswerLimits).Answers!;
            result.Engine.Evaluate(answers);
            Findings.ShouldBeSpecific(result.Engine.Validate(answers));
        }, c => $"{c.Sample}:\n{c.Json}", cases: 400);

        output.WriteLine($"{ran} cases, {loaded} loaded");
        ran.ShouldBeGreaterThanOrEqualTo(20);
        loaded.ShouldBeGreaterThan(0, "some mutations keep the definition valid, so the loaded path is exercised");
    }
}
