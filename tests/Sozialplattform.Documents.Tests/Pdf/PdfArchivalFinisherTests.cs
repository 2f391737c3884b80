using System.Text;
using System.Text.RegularExpressions;
using Sozialplattform.Documents.Pdf.Rendering;

namespace Sozialplattform.Documents.Tests.Pdf;

public class PdfArchivalFinisherTests
{
    [Fact]
    public void A_literal_string_id_is_replaced_and_the_cross_references_still_point_at_their_objects()
    {
        var finished = Encoding.Latin1.GetString(PdfArchivalFinisher.Finish(SkiaShapedPdf("/ID [(ab]c\\)d) (ab]c\\)d)]"), "de"));

        finished.ShouldContain("/Lang (de)");
        Regex.IsMatch(finished, @"/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]>>\nstartxref").ShouldBeTrue();
        CrossReferencesAreValid(finished).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(RenderedSamples.Names), MemberType = typeof(RenderedSamples))]
    public void Every_rendered_pdf_has_valid_cross_references(string sample)
    {
        CrossReferencesAreValid(Encoding.Latin1.GetString(RenderedSamples.Get(sample).Pdf!)).ShouldBeTrue();
    }

    private static bool CrossReferencesAreValid(string pdf)
    {
        var startXref = int.Parse(Regex.Matches(pdf, @"startxref\n(\d+)")[^1].Groups[1].Value);
        if (!pdf[startXref..].StartsWith("xref\n0 ", StringComparison.Ordinal)) return false;
        var entries = Regex.Matches(pdf[startXref..], @"(\d{10}) \d{5} n").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        return entries.Select((offset, i) => pdf[offset..].StartsWith($"{i + 1} 0 obj", StringComparison.Ordinal)).All(ok => ok);
    }

    /// <summary>A minimal file in the shape SkiaSharp writes: objects, one xref section, the id last in the trailer.</summary>
    private static byte[] SkiaShapedPdf(string id)
    {
        var builder = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var body in new[]
                 {
                     "<</Type /Metadata\n/Subtype /XML>> stream\n<xmpMM:DocumentID>uuid:0123abcd-0123-3abc-8abc-0123456789ab</xmpMM:DocumentID>\nendstream",
                     "<</Type /Catalog\n/Metadata 1 0 R>>",
                 })
        {
            offsets.Add(builder.Length);
            builder.Append($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        var xref = builder.Length;
        builder.Append($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) builder.Append($"{offset:D10} 00000 n \n");
        builder.Append($"trailer\n<</Size {offsets.Count + 1}\n/Root 2 0 R\n{id}>>\nstartxref\n{xref}\n%%EOF");
        return Encoding.Latin1.GetBytes(builder.ToString());
    }
}
