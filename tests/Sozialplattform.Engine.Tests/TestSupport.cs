using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Engine.Tests;

/// <summary>Paths of the repository and small builders shared by the tests.</summary>
public static class TestSupport
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    public static string SharedFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>
    /// Options with the clock fixed to <see cref="Today"/> so that date rules are repeatable; evaluations wait for a rule
    /// slot instead of being refused as overloaded, and have a request budget a busy machine cannot spend, while many
    /// tests run at once (the limit tests set their own).
    /// </summary>
    public static FormEngineOptions Options { get; } = new()
    {
        Clock = new FixedClock(Today),
        RuleLimits = Rules.RuleLimits.Default with { RequestBudget = TimeSpan.FromMinutes(1), SlotWait = TimeSpan.FromMinutes(1) },
    };

    public static FormEngine LoadSample(string id) =>
        FormEngine.Load(Path.Combine(Samples, "forms", id, "1.0.0", "form.json"), Options).EngineOrThrow();

    /// <summary>Loads a definition given as JSON text, with the samples catalog for blocks and code lists.</summary>
    public static LoadResult LoadJson(string json, FormEngineOptions? options = null) =>
        FormEngine.LoadText(json, "test.json", new CatalogDirectory(Samples), options ?? Options);

    public static FormEngine Form(string json) => LoadJson(json).EngineOrThrow();

    /// <summary>A minimal form around the given items (JSON array text), for focused tests.</summary>
    public static string FormWith(string itemsJson, string extra = "") => $$"""
        {
          "id": "test", "version": "1.0.0", "status": "draft", "languages": ["de", "en"],
          "title": { "de": "Test", "en": "Test" },
          "pages": [ { "id": "p1", "title": { "de": "Seite", "en": "Page" }, "items": {{itemsJson}} } ]
          {{extra}}
        }
        """;

    public static JsonObject Answers(string json) => JsonNode.Parse(json)!.AsObject();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sozialplattform.sln"))) return directory.FullName;
        throw new InvalidOperationException("Sozialplattform.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    }
}
