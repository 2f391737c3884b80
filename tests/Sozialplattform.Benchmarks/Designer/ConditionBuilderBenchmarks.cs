using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sozialplattform.Designer.Rules.Conditions;

namespace Sozialplattform.Benchmarks.Designer;

/// <summary>
/// Target: the condition builder's parse of every condition in the catalog (visibleIf, requiredIf, readOnlyIf,
/// validations' when of every version of every form — 902 on 2026-12-06) ≤ 50 ms in total; and the same with each shown
/// condition written back (793 shown since the builder compares with other answers and computed values).
/// </summary>
[MemoryDiagnoser]
public class ConditionBuilderBenchmarks
{
    private string[] _expressions = [];

    [GlobalSetup]
    public void Setup()
    {
        var forms = Path.Combine(BenchmarkPaths.RepositoryRoot(), "forms-catalog", "forms");
        _expressions = Directory.GetFiles(forms, "form.json", SearchOption.AllDirectories)
            .SelectMany(f => ConditionSites.Of((JsonObject)JsonNode.Parse(File.ReadAllText(f))!))
            .Select(s => s.Expression)
            .ToArray();
    }

    [Benchmark(Description = "read every condition of the catalog")]
    public int ReadAll()
    {
        var shown = 0;
        foreach (var expression in _expressions)
            if (ConditionReader.Read(expression).Expressible) shown++;
        return shown;
    }

    [Benchmark(Description = "read every condition of the catalog and write each shown one back")]
    public int ReadAndWriteAll()
    {
        var length = 0;
        foreach (var expression in _expressions)
            if (ConditionReader.Read(expression).Condition is { } condition) length += ConditionWriter.Write(condition).Expression!.Length;
        return length;
    }
}
