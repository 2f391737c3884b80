using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Tests.TestData;
using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Tests.Pdf;

public class PageBreakTests
{
    [Fact]
    public void A_500_row_table_keeps_every_row_whole_and_repeats_its_header_on_every_page()
    {
        var result = RenderedSamples.Get("household-500-rows");
        var pages = ExtractedPdf.Read(result.Pdf!).Pages;

        var rowNumbers = pages.SelectMany(p => p).Where(l => l.StartsWith("Person", StringComparison.Ordinal) is false && char.IsDigit(l[0]) && l.Contains(" Person"))
            .Select(l => int.Parse(l.Split(' ')[0])).ToList();
        rowNumbers.ShouldBe(Enumerable.Range(1, 500));
        foreach (var page in pages.Where(p => p.Any(l => l.Contains(" Person"))))
        {
            var header = page.ToList().FindIndex(l => l == "Nr. Vorname Familienname Geburtsdatum Einkommen (jährlich)");
            var firstRow = page.ToList().FindIndex(l => l.Contains(" Person"));
            header.ShouldBeInRange(0, firstRow - 1);
        }
    }

    [Fact]
    public void A_10000_character_answer_flows_over_several_pages_without_losing_a_word()
    {
        var document = SampleDocuments.LongText(10_000);
        var answer = document.Sections[0].Content.OfType<Engine.Documents.DocumentField>().Single(f => f.Value.Length == 10_000).Value;
        var pdf = ExtractedPdf.Read(RenderedSamples.Get("long-text-10000").Pdf!);

        // The label wraps beside the answer's first lines; its words and the running header and footer are left out.
        var label = "Beschreiben Sie bitte Ihre aktuelle Lebenssituation".Split(' ');
        var printed = string.Concat(pdf.Pages.SelectMany(p => p.Skip(1).SkipLast(1))
            .SelectMany(l => l.Split(' ')).Where(w => !label.Contains(w)));
        printed.ShouldContain(string.Concat(answer.Split(' ')[..^1]));
        pdf.Pages.Count.ShouldBeGreaterThanOrEqualTo(4);
        pdf.Pages.Skip(1).ShouldAllBe(p => p[0].StartsWith("Antrag auf Hilfe zur Überwindung", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RenderedSamples.Names), MemberType = typeof(RenderedSamples))]
    public void No_text_overlaps_other_text_or_leaves_the_page(string sample)
    {
        var document = SampleDocuments.All[sample]();
        var context = new PdfLayoutContext(document, new PdfRenderOptions(), DocumentFonts.Default);
        var geometry = context.Options.Page;

        foreach (var (page, number) in new StandardPdfLayout().Layout(context).Select((p, i) => (p, i + 1)))
        {
            var boxes = page.Items.OfType<TextItem>().Where(t => t.Line.Width > 0).Select(Bounds).ToList();
            foreach (var box in boxes)
            {
                box.Left.ShouldBeGreaterThanOrEqualTo(geometry.MarginStart - 0.5f, $"page {number}");
                box.Right.ShouldBeLessThanOrEqualTo(geometry.Width - geometry.MarginEnd + 0.5f, $"page {number}");
                box.Top.ShouldBeGreaterThanOrEqualTo(0);
                box.Bottom.ShouldBeLessThanOrEqualTo(geometry.Height);
            }

            for (var i = 0; i < boxes.Count; i++)
                for (var j = i + 1; j < boxes.Count; j++)
                    boxes[i].IntersectsWith(boxes[j]).ShouldBeFalse($"page {number}: text boxes {boxes[i]} and {boxes[j]} overlap");
        }
    }

    private static SkiaSharp.SKRect Bounds(TextItem text)
    {
        var style = text.Style;
        // Inset a little: neighbouring lines may touch, and that is not an overlap.
        return new SkiaSharp.SKRect(text.X + 0.1f, text.Baseline - style.Size * style.Font.Ascender + 0.3f,
            text.X + text.Line.Width * style.Size - 0.1f, text.Baseline + style.Size * style.Font.Descender - 0.3f);
    }
}
