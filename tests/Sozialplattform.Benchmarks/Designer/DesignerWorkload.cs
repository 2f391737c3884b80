using System.Text.Json.Nodes;
using Sozialplattform.Benchmarks.Engine;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Benchmarks.Designer;

/// <summary>A designer workspace in a temporary folder whose one draft is the 1,000-field workload form.</summary>
public sealed class DesignerWorkload
{
    public const string FormId = "benchmark";

    public DesignerWorkload(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), $"sozial-designer-{name}-{Guid.NewGuid():N}");
        Catalog = Path.Combine(Root, "catalog");
        Directory.CreateDirectory(Catalog);
        File.WriteAllText(Path.Combine(Catalog, "catalog.json"), """{"name": {"de": "Benchmark", "en": "Benchmark"}}""" + "\n");
        Workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = Catalog, DraftDirectory = Path.Combine(Root, "drafts") });
        var form = (JsonObject)JsonNode.Parse(new EngineWorkload().Definition)!;
        form["id"] = FormId;
        form["version"] = "1.0.0";
        Draft = Workspace.Create(FormId, DefinitionDocument.Create(form).ToUtf8(), "benchmark");
    }

    public string Root { get; }

    public string Catalog { get; }

    public FormWorkspace Workspace { get; }

    public Draft Draft { get; }

    public void Delete() => Directory.Delete(Root, recursive: true);
}
