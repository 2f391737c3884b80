using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Outline;
using Sozialplattform.Designer.Preview;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Benchmarks.Designer;

/// <summary>
/// "Opening the editor for the 1,000-field workload ≤ 300 ms server time": what <c>FormEditor</c> does before its first
/// render — the draft opened from the workspace, parsed into the editor session (document with byte spans, outline of
/// the tree) and the draft's sample answers read (<see cref="Open"/>) — and, second, the same followed by the first lint
/// and preview, which fill their panels off the circuit's thread (<see cref="OpenWithFirstLintAndPreview"/>).
/// </summary>
[MemoryDiagnoser]
public class DesignerOpenBenchmarks
{
    private DesignerWorkload _workload = null!;

    [GlobalSetup]
    public void Setup() => _workload = new DesignerWorkload("open");

    [GlobalCleanup]
    public void Cleanup() => _workload.Delete();

    [Benchmark(Description = "open the editor: draft, session (parse + outline), samples")]
    public int Open() => OpenSession().Outline;

    [Benchmark(Description = "open the editor and fill lint and preview for the first time")]
    public int OpenWithFirstLintAndPreview()
    {
        var (session, outline) = OpenSession();
        var lint = DefinitionLint.Run(session.Document, _workload.Workspace.Catalog, samples: new DraftSamples(_workload.Workspace).Files(DesignerWorkload.FormId, null));
        var preview = PreviewEvaluation.Run(session.Document.ToText(), _workload.Workspace.Catalog, new JsonObject());
        return outline + lint.Count + preview.Rules.Count;
    }

    private (EditorSession Session, int Outline) OpenSession()
    {
        var session = new EditorSession(_workload.Workspace, _workload.Workspace.Open(DesignerWorkload.FormId, "benchmark"));
        var samples = SampleAnswers.From(new DraftSamples(_workload.Workspace).Files(DesignerWorkload.FormId, session.Draft.BaseVersion));
        return (session, FormOutline.Flatten(session.Outline).Count() + samples.Count);
    }
}
