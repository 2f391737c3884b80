using System.Collections.Concurrent;
using Sozialplattform.Engine;

namespace Sozialplattform.Catalog.Tests.Engine;

/// <summary>
/// Every form of the services catalog, loaded once per test run with the engine. The clock is fixed at
/// <see cref="Today"/>, the day the sample answers were written, so that relative dates ("today-18y",
/// ages, deadlines) in the samples never expire.
/// </summary>
public static class CatalogForms
{
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static FormEngineOptions Options { get; } = new() { Clock = new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)), RuleLimits = Sozialplattform.Engine.Rules.RuleLimits.Default with { RequestBudget = TimeSpan.FromMinutes(1), SlotWait = TimeSpan.FromMinutes(1) } };

    private static readonly ConcurrentDictionary<string, LoadResult> Loaded = new();

    public static IEnumerable<CatalogReference> All => Repository.Catalog.Forms();

    public static string Folder(CatalogReference form) => Path.Combine(Repository.CatalogFolder, "forms", form.Id, form.Version);

    public static LoadResult Load(CatalogReference form) =>
        Loaded.GetOrAdd(form.ToString(), _ => FormEngine.Load(Path.Combine(Folder(form), "form.json"), Options));

    public static FormEngine Engine(CatalogReference form) => Load(form).EngineOrThrow();

    public static TheoryData<string> Forms => new(All.Select(f => f.ToString()));

    /// <summary>(form, answers file name) for every answers file beside every form.</summary>
    public static TheoryData<string, string> AnswerFiles(string pattern)
    {
        var data = new TheoryData<string, string>();
        foreach (var form in All)
        {
            var folder = Path.Combine(Folder(form), "answers");
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, pattern).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                data.Add(form.ToString(), Path.GetFileName(file));
        }
        return data;
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
