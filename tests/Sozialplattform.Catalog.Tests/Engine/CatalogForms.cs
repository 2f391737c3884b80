using System.Collections.Concurrent;
using Sozialplattform.Engine;

namespace Sozialplattform.Catalog.Tests.Engine;

/// <summary>Every form of the services catalog, loaded once per test run with the engine.</summary>
public static class CatalogForms
{
    private static readonly ConcurrentDictionary<string, LoadResult> Loaded = new();

    public static IEnumerable<CatalogReference> All => Repository.Catalog.Forms();

    public static string Folder(CatalogReference form) => Path.Combine(Repository.CatalogFolder, "forms", form.Id, form.Version);

    public static LoadResult Load(CatalogReference form) =>
        Loaded.GetOrAdd(form.ToString(), _ => FormEngine.Load(Path.Combine(Folder(form), "form.json")));

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
