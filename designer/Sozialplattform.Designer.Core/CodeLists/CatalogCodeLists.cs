using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Catalog;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.CodeLists;

/// <summary>A code list of the catalog folder or the shared home: its reference, German name and number of codes.</summary>
public sealed record CodeListSummary(string Id, string Version, string Name, int Count, bool Shared)
{
    public string Reference => $"{Id}@{Version}";
}

/// <summary>An import's result: the new list's reference, or every problem (nothing was stored).</summary>
public sealed record CodeListImportOutcome(string? Reference, IReadOnlyList<CodeListProblem> Problems)
{
    public bool Success => Reference is not null;
}

/// <summary>
/// The code lists an author works with: those of the catalog folder and those added in the designer (rows of the shared
/// home, <c>shared_catalog_files</c>, which every host reads). An imported list is added once under
/// <c>codelists/&lt;id&gt;/&lt;version&gt;.json</c> and never changed: a list that exists — and may be used by published
/// versions — is never overwritten; a changed list is a new version or a new name.
/// </summary>
public sealed partial class CatalogCodeLists(FormWorkspace workspace)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<CodeListSummary> All()
    {
        var local = workspace.CatalogFilePaths("codelists/").ToHashSet(StringComparer.Ordinal);
        var result = new List<CodeListSummary>();
        foreach (var path in local)
        {
            if (ListPath().Match(path) is not { Success: true } match) continue;
            var (id, version) = (match.Groups["id"].Value, match.Groups["version"].Value);
            var json = Read(id, version);
            result.Add(new CodeListSummary(id, version, Name(json) ?? id, (json?["items"] as JsonArray)?.Count ?? 0,
                !File.Exists(Path.Combine(workspace.CatalogDirectory, path))));
        }

        return result.OrderBy(l => l.Id, StringComparer.Ordinal).ThenBy(l => Names.IsVersion(l.Version) ? SemanticVersion.Parse(l.Version) : null).ToList();
    }

    public JsonObject? Read(string id, string version)
    {
        if (!IsId(id) || !IsListVersion(version)) return null;
        try
        {
            return workspace.CatalogFile($"codelists/{id}/{version}.json") is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The published form versions (and the draft, "Entwurf") whose fields use the list, as "form@version".</summary>
    public IReadOnlyList<string> UsedBy(string id, string version)
    {
        var reference = $"{id}@{version}";
        var users = new List<string>();
        foreach (var form in workspace.Forms())
        {
            foreach (var formVersion in form.Versions)
                if (Uses(workspace.ReadPublished(form.Id, formVersion), reference)) users.Add($"{form.Id}@{formVersion}");
            if (form.HasDraft && workspace.Current(form.Id) is { } draft && Uses(draft.Content, reference)) users.Add($"{form.Id} (Entwurf)");
        }

        return users;
    }

    private static bool Uses(byte[] content, string reference) =>
        Encoding.UTF8.GetString(content).Contains($"\"{reference}\"", StringComparison.Ordinal);

    /// <summary>The version to offer for a list: 1.0.0 for a new id, else the next minor version after the newest.</summary>
    public string ProposedVersion(string id)
    {
        var versions = All().Where(l => l.Id == id && Names.IsVersion(l.Version)).Select(l => SemanticVersion.Parse(l.Version)).ToList();
        if (versions.Count == 0) return "1.0.0";
        var newest = versions.Max()!;
        return $"{newest.Major}.{newest.Minor + 1}.0";
    }

    /// <summary>Reads the uploaded file and adds it as <paramref name="id"/>@<paramref name="version"/>; refused whole with every problem.</summary>
    public CodeListImportOutcome Import(string fileName, byte[] bytes, string id, string version, string? name, string author)
    {
        var file = Path.GetFileName(fileName);
        if (!IsId(id)) return Refused(file, $"„{id}“ ist kein Name für eine Codeliste: Buchstaben ohne Umlaute, Ziffern, „-“, „.“ und „:“, am Anfang ein Buchstabe oder eine Ziffer.");
        if (!Names.IsVersion(version)) return Refused(file, $"„{version}“ ist keine Version (Hauptversion.Nebenversion.Korrektur, z. B. 1.0.0).");
        var path = $"codelists/{id}/{version}.json";
        if (workspace.CatalogFile(path) is not null) return Exists(file, id, version);

        var content = CodeListFile.Read(file, bytes);
        if (!content.Success) return new CodeListImportOutcome(null, content.Problems);

        var json = new JsonObject
        {
            ["id"] = id,
            ["version"] = version,
            ["name"] = new JsonObject { ["de"] = string.IsNullOrWhiteSpace(name) ? content.Name ?? id : name.Trim() },
        };
        if (content.CanonicalUri is not null) json["canonicalUri"] = content.CanonicalUri;
        if (content.CanonicalVersionUri is not null) json["canonicalVersionUri"] = content.CanonicalVersionUri;
        if (content.Source is not null) json["source"] = content.Source;
        json["items"] = new JsonArray(content.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["code"] = e.Code,
            ["label"] = new JsonObject(CodeListFile.Languages.Where(e.Label.ContainsKey).Select(l => KeyValuePair.Create(l, (JsonNode?)JsonValue.Create(e.Label[l])))),
        }).ToArray());

        var written = Encoding.UTF8.GetBytes(json.ToJsonString(Indented) + "\n");
        // Insert only: of two imports of one name at once (on one host or two) exactly one is stored.
        return workspace.AddCatalogFile(path, written, author) ? new CodeListImportOutcome($"{id}@{version}", []) : Exists(file, id, version);
    }

    private CodeListImportOutcome Exists(string file, string id, string version) =>
        Refused(file, $"Die Codeliste {id}@{version} gibt es schon. Eine vorhandene Liste wird nie geändert (veröffentlichte Formulare verwenden sie); bitte eine neue Version (z. B. {ProposedVersion(id)}) oder einen neuen Namen wählen.");

    private static CodeListImportOutcome Refused(string file, string text) => new(null, [new CodeListProblem(file, null, text)]);

    /// <summary>
    /// Lets a choice field take its options from the list (one undoable edit: <c>codeList</c> set, own <c>options</c>
    /// removed); a FIM field waiting for its list becomes the choice the import makes with it (<see cref="PendingListAttach"/>);
    /// null with the reason when the element is neither.
    /// </summary>
    public static (IEdit? Edit, string? Problem) Attach(DefinitionDocument document, DocumentPath field, string reference)
    {
        if (PendingListAttach.Plan(document, field, reference) is { } pending) return (pending, null);
        if (field.Find(document.Root) is not JsonObject item || item["type"]?.GetValue<string>() is not ("choice" or "multiChoice"))
            return (null, "Eine Codeliste lässt sich nur einem Auswahlfeld (Auswahl oder Mehrfachauswahl) zuordnen. Bitte erst ein solches Feld in der Struktur wählen.");
        return (new EditGroup($"Codeliste {reference} zugeordnet", [
            new SetProperty(field, "codeList", JsonValue.Create(reference)),
            new SetProperty(field, "options", null),
        ]), null);
    }

    private static string? Name(JsonObject? json) => json?["name"] switch
    {
        JsonObject texts => texts["de"]?.ToString(),
        JsonValue text => text.ToString(),
        _ => null,
    };

    public static bool IsId(string? id) => id is not null && ListId().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    private static bool IsListVersion(string version) => VersionName().IsMatch(version) && !version.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$")]
    private static partial Regex ListId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex VersionName();

    [GeneratedRegex("^codelists/(?<id>[^/]+)/(?<version>[^/]+)\\.json$")]
    private static partial Regex ListPath();
}
