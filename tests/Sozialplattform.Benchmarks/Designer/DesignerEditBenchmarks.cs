using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Outline;
using Sozialplattform.Designer.Preview;

namespace Sozialplattform.Benchmarks.Designer;

/// <summary>
/// "The tree stays responsive with 1,000 fields": the server work behind one edit in the editor. The tree is redrawn
/// from the edited document and its outline at once (<see cref="EditAndOutline"/>); lint and preview follow off the
/// circuit's thread, 150 ms after the last change (<see cref="LintAndPreview"/>).
/// </summary>
[MemoryDiagnoser]
public class DesignerEditBenchmarks
{
    private DesignerWorkload _workload = null!;
    private EditorSession _session = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new DesignerWorkload("edit");
        _session = new EditorSession(_workload.Workspace, _workload.Draft);
    }

    [GlobalCleanup]
    public void Cleanup() => _workload.Delete();

    [Benchmark(Description = "edit: one label changed in the 1,000-field form, outline of the tree rebuilt")]
    public int EditAndOutline()
    {
        _session.Apply(new SetText(DocumentPath.Parse("pages[4].items[50]"), "label", "de", "Feld " + _edits++));
        return FormOutline.Flatten(_session.Outline).Count();
    }

    [Benchmark(Description = "after an edit: lint (engine + catalog lint) and preview of the 1,000-field form")]
    public int LintAndPreview()
    {
        var lint = DefinitionLint.Run(_session.Document, _workload.Catalog);
        var preview = PreviewEvaluation.Run(_session.Document.ToText(), _workload.Catalog, new JsonObject());
        return lint.Count + preview.Rules.Count;
    }
}
