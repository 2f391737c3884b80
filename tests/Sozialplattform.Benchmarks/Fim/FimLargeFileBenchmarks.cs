using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Importing;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Benchmarks.Fim;

/// <summary>
/// Importing generated XDatenfelder 3 files of 10 and 20 MB (the size limit is 20 MiB): each field carries a
/// <c>beschreibung</c> holding elements nested 90 deep (the deepest the XML limit of 100 levels admits there —
/// 100,000 such levels used to take minutes). Linear means the 20 MB file takes about twice as long as the 10 MB one.
/// The files are generated in the setup, never committed.
/// Run: dotnet run -c Release --project tests/Sozialplattform.Benchmarks -- --filter '*FimLargeFile*'
/// (the short job, in process: a run takes about a minute and needs no extra build).
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class FimLargeFileBenchmarks
{
    private const int DescriptionDepth = 90;
    private readonly DefinitionImporterRegistry _registry = DefinitionImporterRegistry.CreateDefault();
    private string _file = "";

    [Params(10, 20)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"sozial-fim-large-{Megabytes}mb-{Guid.NewGuid():N}.xml");
        var targetBytes = Math.Min(Megabytes * 1_000_000L, XmlLimits.Default.MaxFileBytes - 10_000);
        File.WriteAllText(_file, Generate(targetBytes), new UTF8Encoding(false));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    /// <summary>Read safely (size and nesting checks), parse, map to form, blocks and code lists (in memory).</summary>
    [Benchmark]
    public int Import() => _registry.Import(_file, new ImportOptions()).Catalog!.Form.Pages.Sum(p => p.Items.Count);

    public static string Generate(long targetBytes)
    {
        const string ns = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
        var description = string.Concat(Enumerable.Repeat("<a>", DescriptionDepth)) + "Beschreibung" + string.Concat(Enumerable.Repeat("</a>", DescriptionDepth));
        var xml = new StringBuilder($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="{ns}">
            <xdf:header><xdf:nachrichtID>benchmark</xdf:nachrichtID><xdf:erstellungszeitpunkt>2026-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
            <xdf:stammdatenschema>
            <xdf:identifikation><xdf:id>S99000000001</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
            <xdf:name>Generiert</xdf:name><xdf:bezeichnung>Generierter Antrag</xdf:bezeichnung>

            """);
        const string end = "</xdf:stammdatenschema>\n</xdf:xdatenfelder.stammdatenschema.0102>\n";
        for (var i = 1; xml.Length + end.Length < targetBytes - 2_000; i++)
        {
            xml.Append($"""
                <xdf:struktur><xdf:anzahl>0:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                <xdf:identifikation><xdf:id>F99{i:D9}</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
                <xdf:name>Feld {i}</xdf:name><xdf:bezeichnungEingabe>Feld {i}</xdf:bezeichnungEingabe>
                <xdf:beschreibung>{description}</xdf:beschreibung>
                <xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp>
                <xdf:praezisierung minLength="1" maxLength="120"/>
                </xdf:datenfeld></xdf:enthaelt></xdf:struktur>

                """);
        }

        return xml.Append(end).ToString();
    }

    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
