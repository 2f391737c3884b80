using System.Text.Json.Nodes;
using Sozialplattform.Engine;

namespace Sozialplattform.Benchmarks.Engine;

/// <summary><c>dotnet run -c Release --project tests/Sozialplattform.Benchmarks -- workload</c>: what the seeded workload contains and how it validates.</summary>
public static class WorkloadReport
{
    private static void Time(TextWriter output, string name, int count, Action action)
    {
        action();
        var gcs = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++) action();
        output.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds / count:F3} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / count / 1024} KB, gen2 {GC.CollectionCount(2) - gcs}");
    }

    public static void Print(TextWriter output)
    {
        var workload = new EngineWorkload();
        var engine = FormEngine.LoadText(workload.Definition, "benchmark.json", null).EngineOrThrow();
        output.WriteLine($"fields: {engine.Definition.AllFields().Count()}, visibleIf: {workload.VisibleIfRules}, requiredIf: {workload.RequiredIfRules}, rows: {EngineWorkload.Rows}, rules compiled: {engine.Model.Rules.Count}");
        foreach (var (name, answers) in new[] { ("valid", workload.ValidAnswers), ("invalid", workload.InvalidAnswers) })
        {
            var result = engine.Validate(JsonNode.Parse(answers)!.AsObject());
            output.WriteLine($"{name}: {result.Errors.Count} errors ({string.Join(", ", result.Errors.GroupBy(e => e.Code).Select(g => $"{g.Key} {g.Count()}"))}), {answers.Length} bytes");
            foreach (var error in result.Errors.Take(5)) output.WriteLine($"  {error.Path} {error.Code}");
        }

        output.WriteLine($"rules reading {workload.ToggleField}: {workload.ToggleDependents}");
        Time(output, "load", 10, () => FormEngine.LoadText(workload.Definition, "benchmark.json", null));
        var problems = new Sozialplattform.Engine.Definitions.ProblemList();
        Time(output, "  json read", 10, () => Sozialplattform.Engine.Reading.JsonDocumentReader.Read(workload.Definition, "b", problems));
        var token = Sozialplattform.Engine.Reading.JsonDocumentReader.Read(workload.Definition, "b", problems)!;
        Time(output, "  schema check", 10, () => Sozialplattform.Engine.Reading.DefinitionSchemas.Check("form-definition.schema.json", token, "b", problems));
        Time(output, "  reader", 10, () => new Sozialplattform.Engine.Reading.DefinitionReader(FormEngineOptions.Default).Read(workload.Definition, "b", null, new()));
        var definition = new Sozialplattform.Engine.Reading.DefinitionReader(FormEngineOptions.Default).Read(workload.Definition, "b", null, new())!;
        Time(output, "  model (bind, graph, compile)", 10, () => Sozialplattform.Engine.Evaluation.FormModel.Build(definition, FormEngineOptions.Default, new()));
        var bytes = System.Text.Encoding.UTF8.GetBytes(workload.ValidAnswers);
        Time(output, "validate", 200, () => engine.Validate(AnswerReader.Read(bytes, AnswerLimits.Default).Answers!));
        Time(output, "  read answers", 200, () => AnswerReader.Read(bytes, AnswerLimits.Default));
        var parsed = AnswerReader.Read(bytes, AnswerLimits.Default).Answers!;
        Time(output, "  evaluate", 200, () => engine.Evaluate(parsed));
        Time(output, "  validate pre-parsed", 200, () => engine.Validate(parsed));
        Time(output, "  evaluate again", 200, () => engine.Evaluate(parsed));
        var model = engine.Model;
        var today = engine.Options.Today();
        Time(output, "  tree", 200, () => new Sozialplattform.Engine.Evaluation.AnswerTree(model, parsed, 1000));
        var tree = new Sozialplattform.Engine.Evaluation.AnswerTree(model, parsed, 1000);
        using var rules = engine.Options.RuleEngine.Open(model.Program, today);
        var evaluator = new Sozialplattform.Engine.Evaluation.Evaluator(model, tree, rules);
        Time(output, "  evaluator", 200, () => { evaluator.EvaluateAll(); evaluator.ApplyStaticChecks(); });
        Time(output, "  snapshot", 200, () => Sozialplattform.Engine.Evaluation.StateSnapshot.Take(model, tree, evaluator));
        Time(output, "  validator", 200, () => new Sozialplattform.Engine.Validation.Validator(model, tree, evaluator, today).Run());
    }
}
