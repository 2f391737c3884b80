using BenchmarkDotNet.Attributes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Benchmarks.Designer;

/// <summary>
/// Designer targets: saving and publishing the 1,000-field workload form each ≤ 300 ms server time. Save = the edited
/// document written out (untouched parts copied, the changed text re-laid) and stored with its ETag check; publish =
/// version and status set, the engine loads the whole definition without errors, the new immutable version is written,
/// and the draft goes on from it.
/// </summary>
[MemoryDiagnoser]
public class DesignerBenchmarks
{
    private const string FormId = DesignerWorkload.FormId;
    private DesignerWorkload _workload = null!;
    private FormWorkspace _workspace = null!;
    private DefinitionDocument _document = null!;
    private string _etag = "";
    private int _edits;
    private int _minor;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new DesignerWorkload("bench");
        _workspace = _workload.Workspace;
        _document = DefinitionDocument.Parse(_workload.Draft.Content, FormId);
        _etag = _workload.Draft.ETag;
    }

    [GlobalCleanup]
    public void Cleanup() => _workload.Delete();

    [Benchmark(Description = "save: one text changed in the 1,000-field form, written and stored with the ETag check")]
    public string Save()
    {
        _document.Apply(new SetText(DocumentPath.Parse("pages[4].items[50]"), "label", "de", "Feld " + _edits++));
        var saved = (SaveResult.Saved)_workspace.Save(FormId, _document.ToUtf8(), _etag, "benchmark");
        return _etag = saved.Draft.ETag;
    }

    [Benchmark(Description = "publish: engine check of the 1,000-field form and a new immutable version written")]
    public string Publish()
    {
        var result = _workspace.Publish(FormId, _etag, $"1.{++_minor}.0", "benchmark");
        if (result is not SaveResult.Published published) throw new InvalidOperationException(result.ToString());
        _etag = published.Draft.ETag;
        return published.Version;
    }
}
