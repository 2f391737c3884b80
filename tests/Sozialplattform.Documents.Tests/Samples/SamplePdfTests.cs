using System.Text.Json.Nodes;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.Pdf;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Documents.Tests.Samples;

public class SamplePdfTests
{
    private static readonly PdfRenderer Renderer = new();

    [Theory]
    [MemberData(nameof(SampleForms.Names), MemberType = typeof(SampleForms))]
    public void Every_sample_form_s_pdf_reads_back_as_its_approved_text(string sample)
    {
        var result = Renderer.Render(SampleForms.Document(sample));

        result.Succeeded.ShouldBeTrue(result.ErrorMessage);
        Approvals.Verify($"sample-{sample.Replace('/', '-')}", ExtractedPdf.Read(result.Pdf!).Text);
    }

    [Theory]
    [MemberData(nameof(SampleForms.Names), MemberType = typeof(SampleForms))]
    public void Every_sample_form_renders_in_english_too(string sample)
    {
        var result = Renderer.Render(SampleForms.Document(sample, "en"));

        ExtractedPdf.Read(result.Pdf!).Pages[0][^1].ShouldStartWith("Page 1 of ");
    }

    /// <summary>The samples whose valid answers leave some field hidden (the others have nothing to plant).</summary>
    public static TheoryData<string> SamplesWithHiddenFields()
    {
        var data = new TheoryData<string>();
        foreach (var row in SampleForms.Names)
            if (HiddenFields((string)row[0]).Count > 0) data.Add((string)row[0]);
        return data;
    }

    [Fact]
    public void Some_samples_hide_fields_with_their_valid_answers() => SampleForms.Names.Count(row => HiddenFields((string)row[0]).Count > 0).ShouldBeGreaterThan(0);

    [Theory]
    [MemberData(nameof(SamplesWithHiddenFields))]
    public void Answers_to_hidden_fields_are_not_in_the_pdf(string sample)
    {
        var (engine, answers, _) = SampleForms.Validate(sample);
        var hidden = HiddenFields(sample);
        var tampered = answers.DeepClone().AsObject();
        var planted = hidden.Where((path, i) => TrySet(tampered, path, $"VERSTECKT{i}")).ToList();

        var result = engine.Validate(tampered);
        var text = ExtractedPdf.Read(Renderer.Render(engine.BuildDocument(result, "de")).Pdf!).Text;

        planted.ShouldNotBeEmpty();
        text.ShouldNotContain("VERSTECKT");
    }

    private static List<string> HiddenFields(string sample) =>
        SampleForms.Validate(sample).Result.State.Elements.Where(e => !e.Visible && e.Definition is FieldDefinition).Select(e => e.Path).ToList();

    /// <summary>Sets an answer at a path like "a.b" or "rows[1].c" when its parents exist.</summary>
    private static bool TrySet(JsonObject answers, string path, string value)
    {
        JsonNode? node = answers;
        var segments = path.Split('.');
        foreach (var segment in segments[..^1])
        {
            var name = segment.Split('[')[0];
            node = node is JsonObject parent ? parent[name] : null;
            if (segment.Contains('[')) node = node is JsonArray rows && int.Parse(segment.Split('[', ']')[1]) is var i && i < rows.Count ? rows[i] : null;
        }

        if (node is not JsonObject target || segments[^1].Contains('[')) return false;
        target[segments[^1]] = value;
        return true;
    }
}
