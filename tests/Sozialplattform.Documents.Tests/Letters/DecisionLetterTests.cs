using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Documents.Tests.Pdf;
using Sozialplattform.Documents.Tests.Samples;

namespace Sozialplattform.Documents.Tests.Letters;

/// <summary>
/// Decision letters: a letter template of a service (samples/forms/haushalt/1.0.0/letters/) rendered through the one
/// template renderer, and the letter printed by the PDF renderer's letter layout — both compared with approved files.
/// </summary>
public sealed class DecisionLetterTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["authority_name"] = "Jobcenter Musterstadt", ["caseworker_name"] = "Frau Beispiel", ["letter_date"] = "1. Dezember 2026",
    };

    [Fact]
    public void The_approval_template_of_the_household_sample_renders_its_answers_as_approved()
    {
        var result = Render("bewilligung", SampleForms.Document("haushalt/1.0.0"));

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        Approvals.Verify("letter-haushalt-bewilligung.de", result.Text!);
    }

    [Fact]
    public void The_letter_pdf_prints_the_subject_the_authority_and_every_line_as_approved()
    {
        var text = Render("bewilligung", SampleForms.Document("haushalt/1.0.0")).Text!;
        var lines = text.Split('\n', 2);
        var document = LetterPdfLayout.Document("haushalt", "1.0.0", "de", lines[0], "SP-2026-000042", "Jobcenter Musterstadt", ["Hauptstraße 1", "12345 Musterstadt"], lines[1]);

        var pdf = new PdfRenderer().Render(document, new PdfRenderOptions { Layout = LetterPdfLayout.LayoutName, CreatedAt = SampleForms.SubmittedAt });

        pdf.Succeeded.ShouldBeTrue(pdf.ErrorMessage);
        var extracted = ExtractedPdf.Read(pdf.Pdf!);
        extracted.Info.Title.ShouldBe("Bescheid über Ihren Antrag SP-2026-000042");
        Approvals.Verify("pdf-letter-haushalt-bewilligung", extracted.Text);
    }

    [Fact]
    public void Script_and_template_syntax_in_answers_are_printed_as_written_never_run()
    {
        var document = SampleForms.Document("haushalt/1.0.0");
        var hostile = "<script>alert(1)</script>{{ 7 * 7 }}";
        Engine.Documents.DocumentNode Hostile(Engine.Documents.DocumentNode node) => node switch
        {
            Engine.Documents.DocumentField { Path: "antragsteller.nachname" } field => field with { Value = hostile },
            Engine.Documents.DocumentGroup group => group with { Content = group.Content.Select(Hostile).ToList() },
            _ => node,
        };
        document = document with { Sections = document.Sections.Select(s => s with { Content = s.Content.Select(Hostile).ToList() }).ToList() };

        var text = Render("bewilligung", document).Text!;

        text.ShouldContain($"Herr {hostile},");
        text.ShouldNotContain("49");
    }

    [Fact]
    public void A_template_error_comes_back_as_data_with_file_line_and_column()
    {
        var source = new TemplateSource("kaputt", "de", "haushalt/1.0.0/letters/kaputt.de.scriban", "Betreff\nZeile zwei\n  {{ if }}\n");

        var result = new TemplateRenderer(new TemplateLocator()).Render(source, SampleForms.Document("haushalt/1.0.0"), Values);

        result.Succeeded.ShouldBeFalse();
        var error = result.Errors.First();
        (error.File, error.Line, error.Column).ShouldBe(("haushalt/1.0.0/letters/kaputt.de.scriban", 3, 9), "the column of the token Scriban stopped at");
    }

    private static TemplateResult Render(string template, Engine.Documents.SubmissionDocument document)
    {
        var path = Path.Combine(SampleForms.Root, "samples", "forms", "haushalt", "1.0.0", "letters", $"{template}.de.scriban");
        return new TemplateRenderer(new TemplateLocator()).Render(new TemplateSource(template, "de", path, File.ReadAllText(path)), document, Values);
    }
}
