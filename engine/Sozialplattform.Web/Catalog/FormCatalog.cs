using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Tenants;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Catalog;

/// <summary>
/// Every form version of the configured catalogs, loaded once through the engine (with the tenant's text
/// overrides): one thread-safe <see cref="FormEngine"/> per id@version. New applications use the latest
/// published version of a service the tenant offers (<c>services</c> in its <c>tenant.json</c>; all when absent);
/// drafts and submissions keep the version they were started with.
/// </summary>
public sealed class FormCatalog : IAnswersSchemaSource
{
    private readonly Dictionary<string, CatalogForm> _byReference;
    private readonly Dictionary<string, CatalogForm> _latest;
    private readonly HashSet<string> _notOfferedHere;

    private FormCatalog(List<CatalogForm> forms, List<Topic> topics, List<string> problems, string tenant, IReadOnlyList<string>? offered, IReadOnlyList<string> sources)
    {
        Sources = sources;
        _byReference = forms.ToDictionary(f => f.Definition.Reference, StringComparer.Ordinal);
        var published = forms.Where(f => f.Definition.Status == FormStatus.Published)
            .GroupBy(f => f.Id)
            .ToDictionary(g => g.Key, g => g.MaxBy(f => SemanticVersion.Parse(f.Version))!, StringComparer.Ordinal);
        _latest = published.Where(p => offered is null || offered.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
        _notOfferedHere = published.Keys.Where(id => !_latest.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in (offered ?? []).Where(id => !published.ContainsKey(id)))
            problems.Add($"tenants/{tenant}/tenant.json: services lists '{missing}', which no catalog of this portal has (published)");
        Topics = topics;
        Problems = problems;
    }

    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>For the start log: where the topics and the tenant's text overrides came from (files, or "default" and why).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Forms that could not be loaded, each with its problems (the portal starts without them).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The services offered to new applicants: the latest published version of every form.</summary>
    public IEnumerable<CatalogForm> Offered => _latest.Values.OrderBy(f => f.Definition.Title.Get(LocalizedText.SourceLanguage), StringComparer.CurrentCulture);

    public CatalogForm? Latest(string formId) => _latest.GetValueOrDefault(formId);

    /// <summary>Whether the catalog has this service but the tenant does not offer it through this portal.</summary>
    public bool IsNotOfferedHere(string formId) => _notOfferedHere.Contains(formId);

    public CatalogForm? Find(string formId, string version) => _byReference.GetValueOrDefault($"{formId}@{version}");

    public static FormCatalog Load(IEnumerable<string> roots, string tenantsFolder, string tenant, FormEngineOptions options)
    {
        var forms = new List<CatalogForm>();
        var topics = new List<Topic>();
        var problems = new List<string>();
        var topicFiles = new List<string>();
        var overrides = TenantOverrides(tenantsFolder, tenant);
        foreach (var root in roots.Select(Path.GetFullPath))
        {
            if (!File.Exists(Path.Combine(root, CatalogDirectory.MarkerFile)))
            {
                problems.Add($"{root}: not a catalog (no {CatalogDirectory.MarkerFile})");
                continue;
            }

            topics.AddRange(ReadTopics(root).Where(t => topics.All(known => known.Id != t.Id)));
            topicFiles.Add(Path.Combine(root, CatalogDirectory.MarkerFile));
            var directory = new CatalogDirectory(root);
            var loaded = directory.Forms().AsParallel().AsOrdered()
                .Select(form => LoadForm(directory, form.Path, overrides.GetValueOrDefault(form.Id), options))
                .ToList();
            foreach (var (form, problem) in loaded)
            {
                if (form is not null) forms.Add(form);
                if (problem is not null) problems.Add(problem);
            }
        }

        var textsFolder = Path.GetFullPath(Path.Combine(tenantsFolder, tenant, "texts"));
        string[] sources =
        [
            $"Topics: {topics.Count} from {(topicFiles.Count == 0 ? "no catalog" : string.Join(", ", topicFiles))}",
            overrides.Count == 0
                ? $"Texts: default (no text overrides in {textsFolder})"
                : $"Texts: overrides from {textsFolder}: {string.Join(", ", overrides.Values.OrderBy(o => o.FormId, StringComparer.Ordinal).Select(o => $"{o.FormId}@{o.Version ?? "every version"}"))}",
        ];
        return new FormCatalog(forms, topics, problems, tenant, OfferedServices(tenantsFolder, tenant, problems), sources);
    }

    /// <summary>
    /// The tenant's text overrides by form id. A broken file stops the start with its name and what is wrong
    /// (a <see cref="CatalogException"/>): the portal never runs with some of a tenant's texts silently missing.
    /// </summary>
    private static Dictionary<string, TenantTexts> TenantOverrides(string tenantsFolder, string tenant)
    {
        var folder = Path.Combine(tenantsFolder, tenant, "texts");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => TenantTexts.Read(tenant, CatalogJson.ReadObject(path), path))
            .ToDictionary(t => t.FormId, StringComparer.Ordinal);
    }

    /// <summary>The tenant's list of offered services (null: all); an unreadable tenant.json is a problem, not a silent "all".</summary>
    private static IReadOnlyList<string>? OfferedServices(string tenantsFolder, string tenant, List<string> problems)
    {
        var folder = Path.Combine(tenantsFolder, tenant);
        if (!Directory.Exists(folder)) return null;
        var (configuration, tenantProblems) = Sozialplattform.Delivery.Tenants.TenantFolderReader.Read(folder);
        problems.AddRange(tenantProblems.Select(p => p.ToString()));
        return configuration?.Settings.Services;
    }

    private static (CatalogForm? Form, string? Problem) LoadForm(CatalogDirectory directory, string path, TenantTexts? overrides, FormEngineOptions options)
    {
        try
        {
            var text = WithTenantTexts(File.ReadAllText(path), path, overrides);
            var result = FormEngine.LoadText(text, path, directory, options);
            if (result.Engine is null)
                return (null, $"{path}: {string.Join("; ", result.Problems.Where(p => p.IsError).Select(p => p.Message))}");
            return (new CatalogForm(result.Engine, directory.Root), null);
        }
        catch (Exception error) when (error is CatalogException or IOException or System.Text.Json.JsonException)
        {
            return (null, $"{path}: {error.Message}");
        }
    }

    private static string WithTenantTexts(string text, string path, TenantTexts? overrides)
    {
        if (overrides is null) return text;
        return TextOverrides.Apply(CatalogJson.Parse(System.Text.Encoding.UTF8.GetBytes(text), path), overrides).ToJsonString();
    }

    private static IEnumerable<Topic> ReadTopics(string root)
    {
        foreach (var topic in CatalogJson.Topics(root))
            yield return new Topic(CatalogJson.String(topic, "id") ?? "", LocalizedJson.Read(topic["title"]), LocalizedJson.Read(topic["description"]));
    }

    public ValueTask<JsonObject?> GetAsync(string formId, string formVersion, string contentHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(formId, formVersion) is { } form && form.Definition.ContentHash == contentHash ? form.Engine.ExportJsonSchema() : null);
}
