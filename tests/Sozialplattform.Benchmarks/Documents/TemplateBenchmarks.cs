using BenchmarkDotNet.Attributes;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Documents.Tests.TestData;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Benchmarks.Documents;

/// <summary>Text templates: parse, sandbox and render one e-mail from the 5-page application.</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private readonly TemplateRenderer _renderer = new(new TemplateLocator());
    private SubmissionDocument _document = null!;

    [GlobalSetup]
    public void Setup() => _document = SampleDocuments.Buergergeld();

    [Benchmark]
    public int AuthorityEmail() => _renderer.Render("email-authority", _document).Text!.Length;

    [Benchmark]
    public int Receipt() => _renderer.Render("receipt", _document).Text!.Length;
}
