using System.Text.Json.Nodes;
using Sozialplattform.Engine;

namespace Sozialplattform.Benchmarks.Engine;

/// <summary><c>dotnet run -c Release --project tests/Sozialplattform.Benchmarks -- workload</c>: what the seeded workload contains and how it validates.</summary>
public static class WorkloadReport
{
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
    }
}
