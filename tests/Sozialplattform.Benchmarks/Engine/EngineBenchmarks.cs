using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sozialplattform.Engine;

namespace Sozialplattform.Benchmarks.Engine;

/// <summary>Engine targets: load ≤ 200 ms; a validation request ≤ 5 ms median; one changed answer ≤ 0.15 ms median.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly EngineWorkload _workload = new();
    private readonly FormEngineOptions _options = new();
    private FormEngine _engine = null!;
    private byte[] _valid = [];
    private byte[] _invalid = [];
    private FormSession _session = null!;
    private bool _toggle;
    private int _row;

    [GlobalSetup]
    public void Setup()
    {
        _engine = FormEngine.LoadText(_workload.Definition, "benchmark.json", null, _options).EngineOrThrow();
        _valid = Encoding.UTF8.GetBytes(_workload.ValidAnswers);
        _invalid = Encoding.UTF8.GetBytes(_workload.InvalidAnswers);
        _session = _engine.OpenSession(JsonNode.Parse(_workload.ValidAnswers)!.AsObject());
        var errors = ValidateInvalidAnswers();
        if (errors != 20) throw new InvalidOperationException($"the invalid answer set must give 20 errors, not {errors}");
        if (ValidateValidAnswers() != 0) throw new InvalidOperationException("the valid answer set must be valid");
    }

    [Benchmark(Description = "load + prepare the definition (1,000 fields, 200 rules)")]
    public FormEngine LoadDefinition() => FormEngine.LoadText(_workload.Definition, "benchmark.json", null, _options).EngineOrThrow();

    [Benchmark(Description = "validation request, valid answers (parse + evaluate + validate)")]
    public int ValidateValidAnswers() => _engine.Validate(AnswerReader.Read(_valid, AnswerLimits.Default).Answers!).Errors.Count;

    [Benchmark(Description = "validation request, 20 errors (parse + evaluate + validate)")]
    public int ValidateInvalidAnswers() => _engine.Validate(AnswerReader.Read(_invalid, AnswerLimits.Default).Answers!).Errors.Count;

    [Benchmark(Baseline = true, Description = "floor: System.Text.Json parse of the same answers")]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_valid);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "one changed answer read by other fields' rules")]
    public int ChangeAnswerReadByRules()
    {
        _toggle = !_toggle;
        return _session.SetAnswer(_workload.ToggleField, JsonValue.Create(_toggle)).Count;
    }

    [Benchmark(Description = "one changed answer in a row of the 100-row group (per-row rule)")]
    public int ChangeAnswerInARow()
    {
        _row = (_row + 1) % EngineWorkload.Rows;
        _toggle = !_toggle;
        return _session.SetAnswer($"zeilen[{_row}].art", JsonValue.Create(_toggle ? "a" : "b")).Count;
    }
}
