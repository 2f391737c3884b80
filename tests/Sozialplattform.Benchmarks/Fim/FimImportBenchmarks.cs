using BenchmarkDotNet.Attributes;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Importing;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Benchmarks.Fim;

/// <summary>
/// Importing the largest real Stammdatenschema (S00000009 Gewerbeanmeldung, 556 kB, XDatenfelder 2.0) — target
/// ≤ 100 ms warm — and the largest XDatenfelder 3.0.0 export (S05000001162, 706 kB, 273 fields).
/// Run: dotnet run -c Release --project tests/Sozialplattform.Benchmarks -- --filter '*Fim*'
/// </summary>
[MemoryDiagnoser]
public class FimImportBenchmarks
{
    private readonly DefinitionImporterRegistry _registry = DefinitionImporterRegistry.CreateDefault();
    private string _file = "";
    private string _output = "";

    [Params("xdf2/examples/glykon-gewerbeanmeldung/S00000009_xdatenfelder.xml", "xdf3/examples/BUND-T-Prototype/S05000001162/schema.xdf.xml")]
    public string Schema { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var standards = StandardsLocator.FindStandards(Directory.GetCurrentDirectory())
                        ?? throw new InvalidOperationException("../shared/standards not found: run from the repository");
        _file = Path.Combine(standards, Schema);
        _output = Path.Combine(Path.GetTempPath(), "sozial-fim-benchmark");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }

    /// <summary>Read safely, parse, map to form, blocks and code lists (in memory).</summary>
    [Benchmark(Baseline = true)]
    public ImportedCatalog? Import() => _registry.Import(_file, new ImportOptions()).Catalog;

    /// <summary>What `sozial import-fim` does: the import plus writing the catalog files.</summary>
    [Benchmark]
    public int ImportAndWrite() => CatalogWriter.Write(_registry.Import(_file, new ImportOptions()).Catalog!, _output).Count;
}
