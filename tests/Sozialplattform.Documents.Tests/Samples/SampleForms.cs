using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Documents.Tests.Samples;

/// <summary>The lead's sample definitions (samples/forms/&lt;id&gt;/&lt;version&gt;/) with their valid answers, checked on a fixed day.</summary>
internal static class SampleForms
{
    public static readonly DateTimeOffset SubmittedAt = new(2026, 11, 25, 9, 15, 0, TimeSpan.Zero);

    private static readonly FormEngineOptions Options = new() { Clock = new FixedClock(SubmittedAt), RuleLimits = Sozialplattform.Engine.Rules.RuleLimits.Default with { RequestBudget = TimeSpan.FromMinutes(1), SlotWait = TimeSpan.FromMinutes(1) } };

    public static string Root { get; } = FindRoot();

    public static IEnumerable<object[]> Names => NamesIn("samples");

    /// <summary>The services of the catalog (forms-catalog/forms/&lt;id&gt;/&lt;version&gt;/) with valid answers.</summary>
    public static IEnumerable<object[]> CatalogNames => NamesIn("forms-catalog");

    private static IEnumerable<object[]> NamesIn(string catalog) =>
        Directory.GetFiles(Path.Combine(Root, catalog, "forms"), "form.json", SearchOption.AllDirectories)
            .Where(f => File.Exists(Path.Combine(Path.GetDirectoryName(f)!, "answers", "valid.json")))
            .Select(f => Path.GetRelativePath(Path.Combine(Root, catalog, "forms"), Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order()
            .Select(name => new object[] { name });

    public static (FormEngine Engine, JsonObject Answers, ValidationResult Result) Validate(string name, string catalog = "samples")
    {
        var directory = Path.Combine(Root, catalog, "forms", name);
        var loaded = FormEngine.Load(Path.Combine(directory, "form.json"), Options);
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        var answers = AnswerReader.ReadFile(Path.Combine(directory, "answers", "valid.json"), Options.AnswerLimits).Answers!;
        var result = loaded.Engine!.Validate(answers);
        result.IsValid.ShouldBeTrue(string.Join("\n", result.Errors.Select(e => $"{e.Path} {e.Code}")));
        return (loaded.Engine, answers, result);
    }

    public static SubmissionDocument Document(string name, string language = "de", string catalog = "samples")
    {
        var (engine, _, result) = Validate(name, catalog);
        return engine.BuildDocument(result, language,
            new DocumentHeader("SP-2026-000042", SubmittedAt, "Jobcenter Musterstadt", ["Hauptstraße 1", "12345 Musterstadt"]));
    }

    private static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(directory, "samples", "forms")))
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("samples/forms not found above the test output");
        return directory;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
