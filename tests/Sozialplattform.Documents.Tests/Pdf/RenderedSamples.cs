using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.TestData;

namespace Sozialplattform.Documents.Tests.Pdf;

/// <summary>
/// Renders each sample once per test run. With PDF_OUT=/some/dir the PDFs are also written there,
/// to look at them (pdftoppm -png -r 60 file.pdf page).
/// </summary>
internal static class RenderedSamples
{
    private static readonly PdfRenderer Renderer = new();
    private static readonly Dictionary<string, Lazy<PdfRenderResult>> Results =
        SampleDocuments.All.ToDictionary(s => s.Key, s => new Lazy<PdfRenderResult>(() => Render(s.Key, s.Value())));

    public static IEnumerable<object[]> Names => SampleDocuments.All.Keys.Select(name => new object[] { name });

    public static PdfRenderResult Get(string name) => Results[name].Value;

    public static PdfRenderResult Render(string name, Engine.Documents.SubmissionDocument document)
    {
        var result = Renderer.Render(document);
        var directory = Environment.GetEnvironmentVariable("PDF_OUT");
        if (!string.IsNullOrEmpty(directory) && result.Pdf is { } pdf)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, $"{name}.pdf"), pdf);
        }

        return result;
    }
}
