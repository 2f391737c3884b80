using Sozialplattform.Documents.Templating;
using Sozialplattform.Documents.Tests.TestData;

namespace Sozialplattform.Documents.Tests.Templates;

/// <summary>
/// The order in which a template is found when the form version brings its own (made in the designer): an operator's
/// per-form file forces its wording, the version's own comes next, then the operator's general file, then the built-in
/// one — and a version's templates never stand in for another version's.
/// </summary>
public sealed class ServiceTemplateOrderTests : IDisposable
{
    private readonly string _overrides = Directory.CreateTempSubdirectory("service-templates-").FullName;

    public void Dispose() => Directory.Delete(_overrides, recursive: true);

    private static ServiceTemplates Version(string version, params (string Path, string Text)[] files) =>
        new($"buergergeld-hauptantrag/{version}", path => files.FirstOrDefault(f => f.Path == path).Text);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_overrides, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void The_versions_own_receipt_and_confirmation_are_used_for_that_version_and_not_for_another()
    {
        var renderer = new TemplateRenderer(new TemplateLocator());
        var x = Version("1.0.0", ("templates/receipt.de.scriban", "Eingang X {{ reference_number }}"), ("templates/email-confirmation.de.scriban", "Danke X\n{{ title }}"));
        var y = Version("1.1.0", ("templates/receipt.de.scriban", "Eingang Y {{ reference_number }}"));
        var document = SampleDocuments.Buergergeld();

        var receiptX = renderer.Render("receipt", document, x);
        receiptX.Text.ShouldBe("Eingang X SP-2026-000123");
        receiptX.Source.ShouldBe("buergergeld-hauptantrag/1.0.0/templates/receipt.de.scriban");
        renderer.Render("receipt", document, y).Text.ShouldBe("Eingang Y SP-2026-000123");
        renderer.Render("email-confirmation", document, x).Text!.ShouldStartWith("Danke X");
        renderer.Render("email-confirmation", document, y).Source.ShouldBe("builtin:email-confirmation.de.scriban", "Y has no confirmation of its own: not X's, the built-in one");
        renderer.Render("email-confirmation", document).Source.ShouldBe("builtin:email-confirmation.de.scriban");
    }

    [Fact]
    public void An_operators_per_form_file_forces_its_wording_over_the_versions_own_and_a_general_file_does_not()
    {
        Write("receipt.de.scriban", "allgemein {{ reference_number }}");
        Write("buergergeld-hauptantrag/email-confirmation.de.scriban", "erzwungen\n{{ reference_number }}");
        var renderer = new TemplateRenderer(new TemplateLocator(_overrides));
        var own = Version("1.0.0", ("templates/receipt.de.scriban", "eigen {{ reference_number }}"), ("templates/email-confirmation.de.scriban", "eigen\n"));
        var document = SampleDocuments.Buergergeld();

        renderer.Render("email-confirmation", document, own).Text.ShouldBe("erzwungen\nSP-2026-000123");
        renderer.Render("receipt", document, own).Text.ShouldBe("eigen SP-2026-000123", customMessage: "the service's own beats the operator's general wording");
        renderer.Render("receipt", document, Version("1.1.0")).Text.ShouldBe("allgemein SP-2026-000123", customMessage: "without its own: the operator's general one");
    }

    [Fact]
    public void The_versions_own_template_in_german_is_used_before_a_built_in_english_one_for_a_language_it_lacks()
    {
        var renderer = new TemplateRenderer(new TemplateLocator());
        var own = Version("1.0.0", ("templates/receipt.de.scriban", "eigen {{ reference_number }}"));

        var result = renderer.Render("receipt", SampleDocuments.Buergergeld() with { Language = "tr" }, own);

        result.Source.ShouldBe("buergergeld-hauptantrag/1.0.0/templates/receipt.de.scriban");
    }

    [Theory]
    [InlineData("Betreff\n{{ include 'receipt' }}")]
    [InlineData("Betreff\n{{ while true }}x{{ end }}")]
    [InlineData("Betreff\n{{ for i in 1..5000 }}{{ 'x' | string.pad_left 1000 }}{{ end }}")]
    public void A_hostile_template_of_a_version_ends_with_an_error_naming_its_file(string text)
    {
        var own = Version("1.0.0", ("templates/receipt.de.scriban", text));

        var result = new TemplateRenderer(new TemplateLocator()).Render("receipt", SampleDocuments.Buergergeld(), own);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.File == "buergergeld-hauptantrag/1.0.0/templates/receipt.de.scriban");
    }
}
