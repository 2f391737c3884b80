using System.Text;
using System.Text.RegularExpressions;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Tests.TestData;

namespace Sozialplattform.Documents.Tests.Pdf;

/// <summary>What PDF/A-2b asks for and can be checked without a validator; see docs/DOCUMENTS.md for what is not checked.</summary>
public class PdfArchivalTests
{
    private static string Raw(string sample) => Encoding.Latin1.GetString(RenderedSamples.Get(sample).Pdf!);

    [Fact]
    public void The_same_document_gives_the_same_bytes_every_time_and_on_every_thread()
    {
        var renders = Enumerable.Range(0, 4).AsParallel()
            .Select(_ => new PdfRenderer().Render(SampleDocuments.Buergergeld()).Pdf!)
            .ToList();

        var first = RenderedSamples.Get("buergergeld-5-pages").Pdf!;
        renders.ShouldAllBe(pdf => Convert.ToHexString(pdf) == Convert.ToHexString(first));
    }

    [Fact]
    public void The_document_carries_title_author_language_and_the_submission_date()
    {
        var info = ExtractedPdf.Read(RenderedSamples.Get("buergergeld-5-pages").Pdf!).Info;
        var raw = Raw("buergergeld-5-pages");

        info.Title.ShouldBe("Antrag auf Bürgergeld (Hauptantrag)");
        info.Author.ShouldBe("Jobcenter Musterstadt");
        info.Subject.ShouldBe("Antrag auf Bürgergeld (Hauptantrag) – Referenznummer SP-2026-000123");
        info.CreationDate.ShouldBe("D:20261125091500+00'00'");
        raw.ShouldContain("/Lang (de)");
        Raw("arabic").ShouldContain("/Lang (ar)");
    }

    [Fact]
    public void The_pdf_identifies_itself_as_pdf_a_2b_with_an_srgb_output_intent()
    {
        var raw = Raw("buergergeld-5-pages");

        raw.ShouldContain("<pdfaid:part>2</pdfaid:part>");
        raw.ShouldContain("<pdfaid:conformance>B</pdfaid:conformance>");
        raw.ShouldContain("/S /GTS_PDFA1");
        raw.ShouldContain("/Info (sRGB IEC61966-2.1)");
    }

    [Fact]
    public void The_document_id_is_the_same_in_the_trailer_and_the_xmp_metadata()
    {
        var raw = Raw("buergergeld-5-pages");
        var id = Regex.Match(raw, @"/ID \[<([0-9A-F]{32})> <([0-9A-F]{32})>\]");

        id.Success.ShouldBeTrue();
        var hex = id.Groups[1].Value.ToLowerInvariant();
        raw.ShouldContain($"<xmpMM:DocumentID>uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}</xmpMM:DocumentID>");
    }

    [Fact]
    public void Every_font_is_embedded_as_a_subset()
    {
        var raw = Raw("buergergeld-5-pages");
        var descriptors = Regex.Matches(raw, @"/Type /FontDescriptor.*?>>", RegexOptions.Singleline);
        var fontFiles = Regex.Matches(raw, @"/Length1 (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();

        descriptors.Count.ShouldBe(2);
        descriptors.ShouldAllBe(d => d.Value.Contains("/FontFile2"));
        fontFiles.Count.ShouldBe(2);
        fontFiles.ShouldAllBe(length => length < 100_000, "the shipped DejaVu fonts are 700 KB each");
    }

    [Fact]
    public void A_five_page_application_stays_under_150_kilobytes()
    {
        var result = RenderedSamples.Get("buergergeld-5-pages");

        result.PageCount.ShouldBe(5);
        result.Pdf!.Length.ShouldBeLessThan(150 * 1024);
    }

    [Fact]
    public void Nothing_is_transparent()
    {
        var raw = Raw("buergergeld-5-pages");

        raw.ShouldNotContain("/SMask");
        raw.ShouldNotContain("/Transparency");
        Regex.IsMatch(raw, @"/(ca|CA) (0|\.)").ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_layout_is_reported_not_thrown()
    {
        var result = new PdfRenderer().Render(SampleDocuments.EveryFieldType(), new PdfRenderOptions { Layout = "fancy" });

        result.Succeeded.ShouldBeFalse();
        result.ErrorCode.ShouldBe("pdf.unknown-layout");
        result.ErrorMessage.ShouldBe("No PDF layout named 'fancy'. Known: standard, letter.");
    }

    [Fact]
    public void A_layout_name_can_be_registered_only_once()
    {
        var registry = PdfLayoutRegistry.WithBuiltIns();

        Should.Throw<ArgumentException>(() => registry.Add(new StandardPdfLayout()));
    }
}
