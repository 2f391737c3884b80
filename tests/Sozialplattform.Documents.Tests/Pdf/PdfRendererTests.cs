using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.TestData;

namespace Sozialplattform.Documents.Tests.Pdf;

public class PdfRendererTests
{
    [Theory]
    [MemberData(nameof(RenderedSamples.Names), MemberType = typeof(RenderedSamples))]
    public void Every_sample_reads_back_as_its_approved_text(string sample)
    {
        var result = RenderedSamples.Get(sample);
        result.Succeeded.ShouldBeTrue(result.ErrorMessage);

        var extracted = ExtractedPdf.Read(result.Pdf!, rightToLeft: sample == "arabic");

        Approvals.Verify($"pdf-{sample}", extracted.Text);
    }
}
