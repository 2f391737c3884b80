using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Tests.Isolation;

/// <summary>One way a rule could change shared state or decide differently each time, from tests/Conformance/isolation.json.</summary>
public sealed record IsolationVector(string Name, string Expression, string? RefusedAs);

/// <summary>
/// tests/Conformance/isolation.json — the pollution and non-determinism vectors of issue 12 as one data list, read by
/// the engine, web and designer tests (this file is linked into each), plus the forms they run in.
/// </summary>
public static class IsolationCases
{
    private static readonly JsonObject Data = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Conformance", "isolation.json")))!.AsObject();

    /// <summary>An expression that is true when any built-in or helper behaves differently from a fresh sandbox.</summary>
    public static string Probe => Data["probe"]!.GetValue<string>();

    public static IReadOnlyList<IsolationVector> Pollution { get; } = Read("pollution");

    public static IReadOnlyList<IsolationVector> NonDeterministic { get; } = Read("nondeterministic");

    public static TheoryData<string> PollutionNames() => Names(Pollution);

    public static TheoryData<string> NonDeterministicNames() => Names(NonDeterministic);

    /// <summary>
    /// The default limits with a time limit that a busy test machine cannot hit: the isolation tests start fresh
    /// sandboxes, and a verdict changed by a timeout would hide what they check.
    /// </summary>
    public static RuleLimits PatientLimits { get; } = RuleLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };

    public static IsolationVector Get(string name) => Pollution.Concat(NonDeterministic).Single(v => v.Name == name);

    /// <summary>A published form with one text field <c>x</c> and one page validation whose condition is <paramref name="when"/>.</summary>
    public static string FormWithValidation(string id, string when) => $$"""
        {
          "id": "{{id}}", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Probe {{id}}", "en": "Probe {{id}}" },
          "description": { "de": "Prüft die Isolation der Regeln.", "en": "Checks rule isolation." },
          "topic": "tests",
          "access": { "login": "none" },
          "pages": [ {
            "id": "seite", "title": { "de": "Seite", "en": "Page" },
            "items": [ { "key": "x", "type": "text", "label": { "de": "X", "en": "X" }, "maxLength": 20 } ],
            "validations": [ { "when": {{JsonSerializer.Serialize(when)}}, "field": "x", "code": "probe",
              "message": { "de": "Die Regel hat angeschlagen.", "en": "The rule fired." } } ]
          } ]
        }
        """;

    private static IReadOnlyList<IsolationVector> Read(string list) =>
        Data[list]!.AsArray().Select(v => new IsolationVector(v!["name"]!.GetValue<string>(), v["expression"]!.GetValue<string>(), v["refusedAs"]?.GetValue<string>())).ToList();

    private static TheoryData<string> Names(IEnumerable<IsolationVector> vectors)
    {
        var names = new TheoryData<string>();
        foreach (var vector in vectors) names.Add(vector.Name);
        return names;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sozialplattform.sln"))) return directory.FullName;
        throw new InvalidOperationException("Sozialplattform.sln not found above " + AppContext.BaseDirectory);
    }
}
