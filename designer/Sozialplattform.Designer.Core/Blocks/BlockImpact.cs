using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Designer.Diff;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Versions;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Blocks;

/// <summary>What a changed block would do to one form that uses it: the differences (in the author's words), the impact, and the lint findings that would come and go.</summary>
public sealed record FormImpact(string Form, Impact? Impact, IReadOnlyList<string> Changes, IReadOnlyList<string> NewFindings, IReadOnlyList<string> GoneFindings)
{
    public bool Unchanged => Changes.Count == 0 && NewFindings.Count == 0 && GoneFindings.Count == 0;
}

/// <summary>A changed block checked before it is saved: its problems (nothing can be saved with one) and its impact on every form that uses the block.</summary>
public sealed record BlockChange(string Reference, IReadOnlyList<string> Problems, IReadOnlyList<FormImpact> Forms)
{
    public bool CanSave => Problems.Count == 0;
}

/// <summary>
/// The impact of changing a building block, shown before the change is saved: the changed block becomes a new version
/// (blocks never change in place); for the newest version and the draft of every form that uses the block (any version
/// of it), the form is compared as it is with the form taking the new version — both with the block's items in place, by
/// the designer's semantic diff, and by the lint (engine and catalog), which says which findings come and go.
/// </summary>
public sealed class BlockImpact(FormWorkspace workspace)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The version to offer for the changed block: the next minor version after the newest of that id.</summary>
    public string ProposedVersion(string id)
    {
        var versions = new CatalogBlocks(workspace).All().Where(b => b.Id == id && Names.IsVersion(b.Version)).Select(b => SemanticVersion.Parse(b.Version)).ToList();
        return versions.Count == 0 ? "1.0.0" : $"{versions.Max()!.Major}.{versions.Max()!.Minor + 1}.0";
    }

    /// <summary>Checks <paramref name="text"/> (the block's JSON) as <paramref name="id"/>@<paramref name="version"/> and computes its impact.</summary>
    public BlockChange Check(string id, string version, string text)
    {
        var reference = $"{id}@{version}";
        var problems = new List<string>();
        JsonObject? block = null;
        try
        {
            block = JsonNode.Parse(text) as JsonObject;
            if (block is null) problems.Add("Der Baustein muss ein JSON-Objekt sein.");
        }
        catch (JsonException e)
        {
            problems.Add($"Kein gültiges JSON (Zeile {e.LineNumber + 1}, Position {e.BytePositionInLine + 1}): {e.Message}");
        }

        if (!Names.IsVersion(version)) problems.Add($"„{version}“ ist keine Version (z. B. 1.1.0).");
        else if (workspace.CatalogFile($"blocks/{id}/{version}.json") is not null)
            problems.Add($"Den Baustein {reference} gibt es schon; ein Baustein wird nie geändert. Bitte eine neue Version wählen (z. B. {ProposedVersion(id)}).");
        if (block is null || problems.Count > 0) return new BlockChange(reference, problems, []);

        block["id"] = id;
        block["version"] = version;
        var candidate = new CandidateCatalog($"blocks/{id}/{version}.json", block.ToJsonString(Indented));
        var catalog = new CatalogDirectory(workspace.CatalogDirectory, underneath: workspace.Catalog, shared: candidate);
        problems.AddRange(BlockProblems(block, catalog));
        if (problems.Count > 0) return new BlockChange(reference, problems, []);

        var forms = new List<FormImpact>();
        foreach (var (formId, formVersion, json) in Newest(id))
            forms.Add(FormImpactOf(formVersion is null ? $"{formId} (Entwurf)" : $"{formId}@{formVersion}", json, id, reference, catalog));
        return new BlockChange(reference, [], forms);
    }

    /// <summary>Saves a checked block as a new version (insert only, in the shared home); false with the reason when it cannot be.</summary>
    public (bool Saved, string Message) Save(string id, string version, string text, string author)
    {
        var change = Check(id, version, text);
        if (!change.CanSave) return (false, string.Join(" ", change.Problems));
        var block = (JsonObject)JsonNode.Parse(text)!;
        block["id"] = id;
        block["version"] = version;
        var bytes = Encoding.UTF8.GetBytes(block.ToJsonString(Indented) + "\n");
        return workspace.AddCatalogFile($"blocks/{id}/{version}.json", bytes, author)
            ? (true, $"Baustein {change.Reference} gespeichert. Formulare verwenden ihn, sobald ihr Entwurf auf {change.Reference} umgestellt und veröffentlicht ist.")
            : (false, $"Den Baustein {change.Reference} hat gerade jemand anderes angelegt; bitte eine neue Version wählen.");
    }

    /// <summary>The engine's problems with the block, found by loading a probe form that uses it.</summary>
    private static IEnumerable<string> BlockProblems(JsonObject block, CatalogDirectory catalog)
    {
        var probe = new JsonObject
        {
            ["id"] = "baustein-probe",
            ["version"] = "1.0.0",
            ["status"] = "draft",
            ["languages"] = new JsonArray("de"),
            ["title"] = new JsonObject { ["de"] = "Probe" },
            ["pages"] = new JsonArray(new JsonObject
            {
                ["id"] = "seite",
                ["title"] = new JsonObject { ["de"] = "Seite" },
                ["items"] = new JsonArray(new JsonObject { ["key"] = "baustein", ["type"] = "group", ["block"] = $"{block["id"]}@{block["version"]}" }),
            }),
        };
        return FormEngine.LoadText(probe.ToJsonString(), "baustein-probe.json", catalog).Errors.Select(e => LintTexts.Text(e));
    }

    /// <summary>The newest published version and the draft of every form that uses any version of block <paramref name="id"/>.</summary>
    private IEnumerable<(string FormId, string? Version, JsonObject Json)> Newest(string id)
    {
        var using_ = new CatalogBlocks(workspace).Definitions()
            .Where(d => CatalogBlocks.References(d.Json).Keys.Any(r => r.StartsWith(id + "@", StringComparison.Ordinal)))
            .ToList();
        foreach (var group in using_.GroupBy(d => d.FormId))
        {
            var published = group.Where(d => d.Version is not null).MaxBy(d => SemanticVersion.Parse(d.Version!));
            if (published.Json is not null) yield return published;
            foreach (var draft in group.Where(d => d.Version is null)) yield return draft;
        }
    }

    private static FormImpact FormImpactOf(string name, JsonObject before, string id, string reference, CatalogDirectory catalog)
    {
        var after = (JsonObject)before.DeepClone();
        Retarget(after, id, reference);
        var expandedBefore = Expand((JsonObject)before.DeepClone(), catalog);
        var expandedAfter = Expand((JsonObject)after.DeepClone(), catalog);
        var changes = DefinitionDiff.Compare(expandedBefore, expandedAfter);
        var lintBefore = Lint(before, catalog);
        var lintAfter = Lint(after, catalog);
        return new FormImpact(name,
            changes.Count == 0 ? null : changes.Select(ChangeImpact.Of).Max(),
            DiffRenderer.Render(changes, "de", null),
            lintAfter.Except(lintBefore).ToList(),
            lintBefore.Except(lintAfter).ToList());
    }

    private static HashSet<string> Lint(JsonObject form, CatalogDirectory catalog)
    {
        var document = DefinitionDocument.Parse(Encoding.UTF8.GetBytes(form.ToJsonString()), "impact");
        return DefinitionLint.Run(document, catalog).Where(i => i.Code != Sozialplattform.Catalog.Lint.LintCodes.SampleMissing)
            .Select(i => (i.IsError ? "Fehler: " : "Hinweis: ") + i.Message).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every group that uses any version of block <paramref name="id"/> takes <paramref name="reference"/>.</summary>
    private static void Retarget(JsonObject definition, string id, string reference)
    {
        foreach (var group in Groups(definition).Where(g => g["block"]?.ToString()?.StartsWith(id + "@", StringComparison.Ordinal) == true))
            group["block"] = reference;
    }

    /// <summary>The block's items (and checks) in place of each use, blocks inside blocks too (at most 16 levels), so the diff sees the fields.</summary>
    private static JsonObject Expand(JsonObject definition, CatalogDirectory catalog)
    {
        for (var level = 0; level < 16; level++)
        {
            var expanded = false;
            foreach (var group in Groups(definition).Where(g => g["block"] is not null).ToList())
            {
                if (group["block"]?.ToString().Split('@') is not [var blockId, var blockVersion] || catalog.Block(blockId, blockVersion) is not { } file) continue;
                if (JsonNode.Parse(file.Text) is not JsonObject block) continue;
                group.Remove("block");
                group["items"] = block["items"]?.DeepClone() ?? new JsonArray();
                if (block["validations"] is JsonArray validations) group["validations"] = validations.DeepClone();
                expanded = true;
            }

            if (!expanded) break;
        }

        return definition;
    }

    private static IEnumerable<JsonObject> Groups(JsonObject definition)
    {
        IEnumerable<JsonObject> Walk(JsonNode? items)
        {
            foreach (var item in (items as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return item;
                foreach (var inner in Walk(item["items"])) yield return inner;
            }
        }

        foreach (var item in Walk(definition["items"])) yield return item;
        foreach (var page in (definition["pages"] as JsonArray ?? []).OfType<JsonObject>())
            foreach (var item in Walk(page["items"])) yield return item;
    }

    /// <summary>The changed block, read where the catalog would read a shared file, before it exists anywhere.</summary>
    private sealed class CandidateCatalog(string path, string text) : ICatalogFiles
    {
        public CatalogFile? Read(string relativePath) =>
            relativePath == path ? new CatalogFile("shared:" + path, text) : null;
    }
}
