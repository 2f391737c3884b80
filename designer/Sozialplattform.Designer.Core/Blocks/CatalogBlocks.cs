using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Catalog;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Blocks;

/// <summary>A building block of the catalog folder or the shared home: reference and German title.</summary>
public sealed record BlockSummary(string Id, string Version, string Title, bool Shared)
{
    public string Reference => $"{Id}@{Version}";
}

/// <summary>One use of a block: the form, its version (null: the draft) and the data paths of the groups that use it.</summary>
public sealed record BlockUse(string FormId, string? FormVersion, IReadOnlyList<string> Paths)
{
    public string Form => FormVersion is null ? $"{FormId} (Entwurf)" : $"{FormId}@{FormVersion}";
}

/// <summary>
/// The building blocks an author works with and where each is used: every published version and every draft of every
/// form whose groups name it (<c>"block": "id@version"</c>), at any depth. A block, like a code list, is added once and
/// never changed; a changed block is a new version, which forms take over one by one.
/// </summary>
public sealed partial class CatalogBlocks(FormWorkspace workspace)
{
    public IReadOnlyList<BlockSummary> All() =>
        workspace.CatalogFilePaths("blocks/")
            .Select(p => BlockPath().Match(p))
            .Where(m => m.Success)
            .Select(m => (Id: m.Groups["id"].Value, Version: m.Groups["version"].Value, Path: m.Value))
            .Select(b => new BlockSummary(b.Id, b.Version, Title(Read(b.Id, b.Version)) ?? b.Id, !File.Exists(Path.Combine(workspace.CatalogDirectory, b.Path))))
            .OrderBy(b => b.Id, StringComparer.Ordinal).ThenBy(b => Names.IsVersion(b.Version) ? SemanticVersion.Parse(b.Version) : null)
            .ToList();

    public JsonObject? Read(string id, string version)
    {
        if (!SafeName().IsMatch(id) || !SafeName().IsMatch(version) || id.Contains("..") || version.Contains("..")) return null;
        try
        {
            return workspace.CatalogFile($"blocks/{id}/{version}.json") is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every use of each block, by reference (<c>id@version</c>); one pass over all forms.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BlockUse>> Uses()
    {
        var uses = new Dictionary<string, List<BlockUse>>(StringComparer.Ordinal);
        foreach (var (formId, version, json) in Definitions())
            foreach (var (reference, paths) in References(json))
            {
                if (!uses.TryGetValue(reference, out var list)) uses[reference] = list = [];
                list.Add(new BlockUse(formId, version, paths));
            }

        return uses.ToDictionary(u => u.Key, u => (IReadOnlyList<BlockUse>)u.Value, StringComparer.Ordinal);
    }

    /// <summary>Every published version and every draft, as JSON (unreadable ones are left out: the lint names them).</summary>
    public IEnumerable<(string FormId, string? Version, JsonObject Json)> Definitions()
    {
        foreach (var form in workspace.Forms())
        {
            foreach (var version in form.Versions)
                if (Parse(workspace.ReadPublished(form.Id, version)) is { } json) yield return (form.Id, version, json);
            if (form.HasDraft && workspace.Current(form.Id) is { } draft && Parse(draft.Content) is { } draftJson) yield return (form.Id, null, draftJson);
        }
    }

    /// <summary>The blocks a definition (form or block) uses, each with the data paths of the groups that name it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> References(JsonObject definition)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Walk(JsonNode? items, string parent)
        {
            foreach (var item in (items as JsonArray ?? []).OfType<JsonObject>())
            {
                var path = parent.Length == 0 ? item["key"]?.ToString() ?? "" : $"{parent}.{item["key"]}";
                if (item["block"] is JsonValue block && block.ToString() is { } reference)
                {
                    if (!found.TryGetValue(reference, out var paths)) found[reference] = paths = [];
                    paths.Add(path);
                }

                Walk(item["items"], path);
            }
        }

        Walk(definition["items"], "");
        foreach (var page in (definition["pages"] as JsonArray ?? []).OfType<JsonObject>()) Walk(page["items"], "");
        return found.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal);
    }

    private static JsonObject? Parse(byte[] content)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(content)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Title(JsonObject? json) => json?["title"] switch
    {
        JsonObject texts => texts["de"]?.ToString(),
        JsonValue text => text.ToString(),
        _ => null,
    };

    [GeneratedRegex("^blocks/(?<id>[^/]+)/(?<version>[^/]+)\\.json$")]
    private static partial Regex BlockPath();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._-]*$")]
    private static partial Regex SafeName();
}
