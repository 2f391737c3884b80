using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sozialplattform.Benchmarks.Engine;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Outline;
using Sozialplattform.Designer.Preview;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Benchmarks.Designer;

/// <summary>
/// "The tree stays responsive with 1,000 fields": the server work behind one edit in the editor. The tree is redrawn
/// from the edited document and its outline at once (<see cref="EditAndOutline"/>); lint and preview follow off the
/// circuit's thread, 150 ms after the last change (<see cref="LintAndPreview"/>).
/// </summary>
[MemoryDiagnoser]
public class DesignerEditBenchmarks
{
    private const string FormId = "benchmark";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sozial-designer-edit-" + Guid.NewGuid().ToString("N"));
    private string _catalog = "";
    private EditorSession _session = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = Path.Combine(_root, "catalog");
        Directory.CreateDirectory(_catalog);
        File.WriteAllText(Path.Combine(_catalog, "catalog.json"), """{"name": {"de": "Benchmark", "en": "Benchmark"}}""" + "\n");
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog, DraftDirectory = Path.Combine(_root, "drafts") });
        var form = (JsonObject)JsonNode.Parse(new EngineWorkload().Definition)!;
        form["id"] = FormId;
        form["version"] = "1.0.0";
        _session = new EditorSession(workspace, workspace.Create(FormId, DefinitionDocument.Create(form).ToUtf8(), "benchmark"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Description = "edit: one label changed in the 1,000-field form, outline of the tree rebuilt")]
    public int EditAndOutline()
    {
        _session.Apply(new SetText(DocumentPath.Parse("pages[4].items[50]"), "label", "de", "Feld " + _edits++));
        return FormOutline.Flatten(_session.Outline).Count();
    }

    [Benchmark(Description = "after an edit: lint (engine + catalog lint) and preview of the 1,000-field form")]
    public int LintAndPreview()
    {
        var lint = DefinitionLint.Run(_session.Document, _catalog);
        var preview = PreviewEvaluation.Run(_session.Document.ToText(), _catalog, new JsonObject());
        return lint.Count + preview.Rules.Count;
    }
}
