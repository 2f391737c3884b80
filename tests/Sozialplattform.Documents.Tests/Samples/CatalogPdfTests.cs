using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.Pdf;

namespace Sozialplattform.Documents.Tests.Samples;

/// <summary>Every service of the catalog gives a complete application PDF for its valid answers, in German and English.</summary>
public class CatalogPdfTests
{
    private static readonly PdfRenderer Renderer = new();

    [Theory]
    [MemberData(nameof(SampleForms.CatalogNames), MemberType = typeof(SampleForms))]
    public void The_pdf_of_every_catalog_service_holds_its_title_every_section_and_every_answer(string service)
    {
        foreach (var language in new[] { "de", "en" })
        {
            var document = SampleForms.Document(service, language, "forms-catalog");
            var result = Renderer.Render(document);
            result.Succeeded.ShouldBeTrue(result.ErrorMessage);
            var words = ExtractedPdf.Read(result.Pdf!).Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet();

            // Table cells wrap, so a value's words are checked one by one rather than as one line.
            foreach (var expected in new[] { document.Title }.Concat(document.Sections.Select(s => s.Title)).Concat(Values(document.Sections.SelectMany(s => s.Content))))
                foreach (var word in expected.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    words.ShouldContain(word, customMessage: $"{service} ({language}): '{word}' of '{expected}' is missing");
        }
    }

    private static IEnumerable<string> Values(IEnumerable<Engine.Documents.DocumentNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Engine.Documents.DocumentField { Value.Length: > 0 } field:
                    yield return field.Value;
                    break;
                case Engine.Documents.DocumentGroup group:
                    foreach (var value in Values(group.Content)) yield return value;
                    break;
                case Engine.Documents.DocumentRepeat repeat:
                    foreach (var value in Values(repeat.Rows.SelectMany(r => r.Content))) yield return value;
                    break;
            }
        }
    }
}
