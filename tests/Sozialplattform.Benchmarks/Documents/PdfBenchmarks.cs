using BenchmarkDotNet.Attributes;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.TestData;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Benchmarks.Documents;

/// <summary>PDF targets: a 5-page application ≤ 50 ms and ≤ 150 KB; the largest sample (500 rows, 14 pages) ≤ 500 ms.</summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private readonly PdfRenderer _renderer = new();
    private SubmissionDocument _fivePages = null!;
    private SubmissionDocument _household = null!;
    private SubmissionDocument _longText = null!;
    private SubmissionDocument _arabic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fivePages = SampleDocuments.Buergergeld();
        _household = SampleDocuments.LargeHousehold(500);
        _longText = SampleDocuments.LongText(10_000);
        _arabic = SampleDocuments.Arabic();
        foreach (var (name, document) in new[] { ("5 pages", _fivePages), ("500 rows", _household), ("10,000 characters", _longText), ("Arabic", _arabic) })
        {
            var result = _renderer.Render(document);
            Console.WriteLine($"// {name}: {result.PageCount} pages, {result.Pdf!.Length:N0} bytes");
        }
    }

    [Benchmark(Baseline = true)]
    public int FivePageApplication() => _renderer.Render(_fivePages).Pdf!.Length;

    [Benchmark]
    public int Household500Rows() => _renderer.Render(_household).Pdf!.Length;

    [Benchmark]
    public int LongText10000Characters() => _renderer.Render(_longText).Pdf!.Length;

    [Benchmark]
    public int ArabicApplication() => _renderer.Render(_arabic).Pdf!.Length;
}
