using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.TestData;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Tests.Pdf;

public class PdfContentTests
{
    [Theory]
    [InlineData("buergergeld-5-pages")]
    [InlineData("every-field-type")]
    [InlineData("long-text-10000")]
    [InlineData("arabic")]
    public void Every_label_and_every_value_is_in_the_pdf_in_document_order(string sample)
    {
        var document = SampleDocuments.All[sample]();
        var words = ExtractedPdf.Read(RenderedSamples.Get(sample).Pdf!, document.RightToLeft).Words.ToList();
        var labels = Labels(document);
        var values = Fields(document, includeTables: false).Select(f => f.Value).Where(v => v.Length > 0);
        var tableCells = Fields(document).Select(f => f.Value).Except(values);

        if (document.RightToLeft)
        {
            // Word order inside an RTL line depends on the bidi runs; here only presence is checked.
            Words(labels.Concat(values)).ShouldAllBe(word => words.Contains(word));
            return;
        }

        AssertInOrder(words, Words(labels), "labels");
        AssertInOrder(words, Words(values), "values");
        // Cells of one table row wrap side by side, so only their presence is checked here.
        Words(tableCells).Where(w => !w.Contains('-')).ShouldAllBe(word => words.Contains(word));
    }

    [Fact]
    public void Umlauts_and_sharp_s_survive_the_round_trip()
    {
        var text = ExtractedPdf.Read(RenderedSamples.Get("buergergeld-5-pages").Pdf!).Text;

        text.ShouldContain("Jürgen-Müßig Weiß-Größer");
        text.ShouldContain("Königsallee 27a");
        text.ShouldContain("Übersteigt das Vermögen");
        text.ShouldContain("Straße und Hausnummer");
    }

    [Fact]
    public void Arabic_labels_and_values_are_extracted_as_arabic_text()
    {
        var words = ExtractedPdf.Read(RenderedSamples.Get("arabic").Pdf!, rightToLeft: true).Words.ToList();

        words.ShouldContain("محمد");
        words.ShouldContain("الأحمد");
        words.ShouldContain("دمشق");
        words.ShouldContain("المواطن");
        words.ShouldContain("الإقرارات");
    }

    [Fact]
    public void In_an_arabic_pdf_a_phone_number_keeps_its_order_alone_and_inside_arabic_text()
    {
        var document = new DocumentBuilder("kontakt", "طلب", "ar")
            .Section("التواصل", "",
                DocumentBuilder.Field("رقم الهاتف", "0221 1234567"),
                DocumentBuilder.Field("ملاحظة", "اتصلوا على 0221 1234567 بعد الظهر"),
                DocumentBuilder.Field("تاريخ", "2026-12-02 04:01"))
            .Build();

        // Read left to right as printed: a number in its own order reads the same either way round only when kept together.
        var lines = ExtractedPdf.Read(new PdfRenderer().Render(document).Pdf!).Pages[0];

        lines.Count(l => l.Contains("0221 1234567", StringComparison.Ordinal)).ShouldBe(2, string.Join("\n", lines));
        lines.ShouldNotContain(l => l.Contains("1234567 0221", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("2026-12-02 04:01", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_what_the_document_contains_is_printed()
    {
        var document = SampleDocuments.Buergergeld();
        var known = string.Join(" ", Fields(document).SelectMany(f => new[] { f.Label, f.Value })
            .Concat(document.Sections.Select(s => s.Title)).Concat(document.Declarations.Select(d => d.Text)));

        var words = ExtractedPdf.Read(RenderedSamples.Get("buergergeld-5-pages").Pdf!).Words;

        words.ShouldNotContain("GEHEIM");
        known.ShouldNotContain("GEHEIM");
    }

    [Fact]
    public void Each_page_says_which_page_of_how_many_it_is()
    {
        var pages = ExtractedPdf.Read(RenderedSamples.Get("buergergeld-5-pages").Pdf!).Pages;

        pages.Count.ShouldBe(5);
        for (var i = 0; i < pages.Count; i++) pages[i][^1].ShouldBe($"Seite {i + 1} von 5");
    }

    [Fact]
    public void An_english_document_gets_an_english_footer()
    {
        var document = SampleDocuments.EveryFieldType() with { Language = "en" };

        var pages = ExtractedPdf.Read(new PdfRenderer().Render(document).Pdf!).Pages;

        pages[0][^1].ShouldBe($"Page 1 of {pages.Count}");
    }

    /// <summary>Labels as printed: a repeating group shown as a table has its labels once, in the header row.</summary>
    private static IEnumerable<string> Labels(SubmissionDocument document) =>
        document.Sections.SelectMany(s => Labels(s.Content));

    private static IEnumerable<string> Labels(IEnumerable<DocumentNode> nodes) => nodes.SelectMany(node => node switch
    {
        DocumentField field => [field.Label],
        DocumentGroup group => Labels(group.Content),
        // A table's header cells may wrap; their first words are on the first header line, in column order.
        DocumentRepeat table when IsTable(table) => table.Columns.Select(c => c.Split(' ')[0]),
        DocumentRepeat repeat => repeat.Rows.SelectMany(r => Labels(r.Content)),
        _ => [],
    });

    internal static IEnumerable<DocumentField> Fields(SubmissionDocument document, bool includeTables = true) =>
        document.Sections.SelectMany(s => Fields(s.Content, includeTables));

    private static IEnumerable<DocumentField> Fields(IEnumerable<DocumentNode> nodes, bool includeTables) => nodes.SelectMany(node => node switch
    {
        DocumentField field => [field],
        DocumentGroup group => Fields(group.Content, includeTables),
        DocumentRepeat repeat when !includeTables && IsTable(repeat) => [],
        DocumentRepeat repeat => repeat.Rows.SelectMany(r => Fields(r.Content, includeTables)),
        _ => [],
    });

    private static bool IsTable(DocumentRepeat repeat) =>
        repeat.Columns.Count > 0 && repeat.Rows.All(r => r.Content.All(n => n is DocumentField));

    private static List<string> Words(IEnumerable<string> texts) =>
        texts.SelectMany(t => t.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static void AssertInOrder(List<string> extracted, List<string> expected, string what)
    {
        var position = 0;
        foreach (var word in expected)
        {
            var found = extracted.IndexOf(word, position);
            found.ShouldBeGreaterThanOrEqualTo(0, $"{what}: '{word}' missing after word {position} ('{string.Join(' ', extracted.Skip(position).Take(8))}…')");
            position = found + 1;
        }
    }
}
