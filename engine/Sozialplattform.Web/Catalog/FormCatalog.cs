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
    private readonly IReadOnlyList<string>? _offered;
    private readonly Dictionary<string, TenantTexts> _overrides;
    private readonly FormEngineOptions _options;
    private readonly CatalogDirectory? _publishedInto;
    private readonly Lock _adding = new();
    private volatile Snapshot _current;

    private FormCatalog(List<CatalogForm> forms, List<Topic> topics, List<string> problems, string tenant, IReadOnlyList<string>? offered, IReadOnlyList<string> sources,
        Dictionary<string, TenantTexts> overrides, FormEngineOptions options, CatalogDirectory? publishedInto)
    {
        Sources = sources;
        (_offered, _overrides, _options, _publishedInto) = (offered, overrides, options, publishedInto);
        _current = new Snapshot(forms, offered);
        foreach (var missing in (offered ?? []).Where(id => !forms.Any(f => f.Id == id && f.Definition.Status == FormStatus.Published)))
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
    public IEnumerable<CatalogForm> Offered => _current.Latest.Values.OrderBy(f => f.Definition.Title.Get(LocalizedText.SourceLanguage), StringComparer.CurrentCulture);

    public CatalogForm? Latest(string formId) => _current.Latest.GetValueOrDefault(formId);

    /// <summary>Whether the catalog has this service but the tenant does not offer it through this portal.</summary>
    public bool IsNotOfferedHere(string formId) => _current.NotOfferedHere.Contains(formId);

    public CatalogForm? Find(string formId, string version) => _current.ByReference.GetValueOrDefault($"{formId}@{version}");

    /// <summary>
    /// Adds versions published after the start (the designer's rows in the database), each loaded through the engine with
    /// the tenant's texts as at start; a version the catalog has already is skipped (a seed version wins). Requests in
    /// flight keep the snapshot they read; later ones see the new one. Returns the problems of versions that did not load.
    /// </summary>
    public IReadOnlyList<string> AddPublished(IEnumerable<(string FormId, string Version, byte[] Content)> versions) =>
        AddPublished(versions.Select(v => (v.FormId, v.Version, v.Content, (IReadOnlyDictionary<string, string>)new Dictionary<string, string>())));

    /// <summary>As above, each version with the service files stored with it (checklist, letters, e-mail templates), which stand in for its folder.</summary>
    public IReadOnlyList<string> AddPublished(IEnumerable<(string FormId, string Version, byte[] Content, IReadOnlyDictionary<string, string> Files)> versions)
    {
        if (_publishedInto is null) return [];
        lock (_adding)
        {
            var known = _current;
            var loaded = versions.Where(v => !known.ByReference.ContainsKey($"{v.FormId}@{v.Version}"))
                .Select(v => LoadForm(_publishedInto, _publishedInto.FormPath(v.FormId, v.Version), System.Text.Encoding.UTF8.GetString(v.Content), _overrides.GetValueOrDefault(v.FormId), _options) is var l && l.Form is not null
                    ? (Form: l.Form with { PublishedFiles = v.Files }, l.Problem)
                    : l)
                .ToList();
            var added = loaded.Select(l => l.Form).OfType<CatalogForm>().ToList();
            if (added.Count > 0) _current = new Snapshot([.. known.ByReference.Values, .. added], _offered);
            return loaded.Select(l => l.Problem).OfType<string>().ToList();
        }
    }

    /// <summary>Every loaded version, the latest published one offered per service and those the tenant does not offer; never changed once built.</summary>
    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyCollection<CatalogForm> forms, IReadOnlyList<string>? offered)
        {
            ByReference = forms.ToDictionary(f => f.Definition.Reference, StringComparer.Ordinal);
            var published = forms.Where(f => f.Definition.Status == FormStatus.Published)
                .GroupBy(f => f.Id)
                .ToDictionary(g => g.Key, g => g.MaxBy(f => SemanticVersion.Parse(f.Version))!, StringComparer.Ordinal);
            Latest = published.Where(p => offered is null || offered.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
            NotOfferedHere = published.Keys.Where(id => !Latest.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        }

        public Dictionary<string, CatalogForm> ByReference { get; }
        public Dictionary<string, CatalogForm> Latest { get; }
        public HashSet<string> NotOfferedHere { get; }
    }

    /// <param name="shared">Blocks and code lists of the database's shared home (a FIM upload's), read by versions published in the designer.</param>
    public static FormCatalog Load(IEnumerable<string> roots, string tenantsFolder, string tenant, FormEngineOptions options, ICatalogFiles? shared = null)
    {
        var forms = new List<CatalogForm>();
        var topics = new List<Topic>();
        var problems = new List<string>();
        var topicFiles = new List<string>();
        var overrides = TenantOverrides(tenantsFolder, tenant);
        CatalogDirectory? publishedInto = null;
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
            // Versions published in the designer resolve blocks and code lists in the portal's catalogs, the last configured first.
            // Below the first catalog, the shared home: the blocks and code lists of FIM uploads, added on any host.
            publishedInto = new CatalogDirectory(root, publishedInto, publishedInto is null ? shared : null);
            var loaded = directory.Forms().AsParallel().AsOrdered()
                .Select(form => LoadForm(directory, form.Path, File.ReadAllText(form.Path), overrides.GetValueOrDefault(form.Id), options))
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
        return new FormCatalog(forms, topics, problems, tenant, OfferedServices(tenantsFolder, tenant, problems), sources, overrides, options, publishedInto);
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

    private static (CatalogForm? Form, string? Problem) LoadForm(CatalogDirectory directory, string path, string definition, TenantTexts? overrides, FormEngineOptions options)
    {
        try
        {
            var text = WithTenantTexts(definition, path, overrides);
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

    public string? CaseFileField(string formId, string formVersion) => Find(formId, formVersion)?.Definition.CaseFileField;
}
