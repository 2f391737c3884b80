using Xunit.Abstractions;
using System.Text.Json.Nodes;
using CsCheck;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Tests;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of answers with CsCheck, fixed seed, bounded time, against real sample definitions:
/// the valid answers mutated (wrong types, missing and unknown keys, duplicated rows, odd unicode, huge numbers),
/// and raw text (cut-off or broken JSON). Reading never throws (a refusal is a finding with a code); evaluating and
/// validating never throw; every finding has a code with a message in German and English.
/// </summary>
public sealed class AnswerFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Samples = ["haushalt", "alle-feldtypen", "wohnkosten"];
    private static readonly Dictionary<string, FormEngine> Engines = Samples.ToDictionary(s => s, TestSupport.LoadSample);

    public sealed record Case(string Sample, string Json);

    private static string ValidAnswers(string sample) => File.ReadAllText(Path.Combine(TestSupport.Samples, "forms", sample, "1.0.0", "answers", "valid.json"));

    private static readonly Gen<Case> Answers =
        Gen.Select(
            Gen.OneOf(Samples),
            JsonFuzz.Mutations(JsonFuzz.OddText, "betrag", "vorname", "art").Array[1, 5],
            Gen.Int[0, 11],
            Gen.Int[0, int.MaxValue],
            (sample, mutations, textual, cut) =>
            {
                var root = JsonNode.Parse(ValidAnswers(sample))!;
                foreach (var mutation in mutations) mutation.Apply(root);
                var json = root.ToJsonString();
                return new Case(sample, textual switch
                {
                    0 => json[..(cut % json.Length)],
                    1 => json.Insert(cut % json.Length, "\"}:["),
                    2 => string.Concat(Enumerable.Repeat("[", 200 + cut % 5000)),
                    _ => json,
                });
            });

    [Fact]
    public void Mutated_answers_are_read_evaluated_and_validated_without_an_exception_and_every_finding_is_specific()
    {
        var refused = 0;
        var ran = Fuzz.Check(Answers, c =>
        {
            var engine = Engines[c.Sample];
            var read = AnswerReader.Read(c.Json, engine.Options.AnswerLimits);
            if (read.Answers is null)
            {
                Interlocked.Increment(ref refused);
                Findings.ShouldBeSpecific(read.Problem.ShouldNotBeNull());
                return;
            }

            engine.Evaluate(read.Answers);
            var result = engine.Validate(read.Answers);
            Findings.ShouldBeSpecific(result);
        }, c => $"{c.Sample}:\n{c.Json}", cases: 600);

        output.WriteLine($"{ran} cases, {refused} refused");
        ran.ShouldBeGreaterThanOrEqualTo(20);
        refused.ShouldBeGreaterThan(0, "some cases are no JSON, so the refusal path is exercised");
    }
}
