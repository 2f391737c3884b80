using Sozialplattform.Documents.Templating;
using Sozialplattform.Documents.Tests.TestData;

namespace Sozialplattform.Documents.Tests.Templates;

public sealed class TemplateRendererTests : IDisposable
{
    private readonly string _overrides = Directory.CreateTempSubdirectory("templates-").FullName;

    public void Dispose() => Directory.Delete(_overrides, recursive: true);

    public static IEnumerable<object[]> BuiltIns =>
        TemplateLocator.BuiltInTemplates.SelectMany(t => new[] { new object[] { t, "de" }, [t, "en"] });

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Every_built_in_template_renders_the_sample_application_as_approved(string template, string language)
    {
        var document = SampleDocuments.Buergergeld() with { Language = language };
        var values = new Dictionary<string, string> { ["status_url"] = "https://portal.example/status/SP-2026-000123" };

        var result = new TemplateRenderer(new TemplateLocator()).Render(template, document, values);

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Source.ShouldBe($"builtin:{template}.{language}.scriban");
        Approvals.Verify($"template-{template}.{language}", result.Text!);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void The_confirmation_mail_without_a_status_link_leaves_out_the_sentence_about_it(string language)
    {
        var document = SampleDocuments.Buergergeld() with { Language = language };
        var withLink = new TemplateRenderer(new TemplateLocator()).Render("email-confirmation", document, new Dictionary<string, string> { ["status_url"] = "https://portal.example/s" }).Text!;
        var withoutLink = new TemplateRenderer(new TemplateLocator()).Render("email-confirmation", document, new Dictionary<string, string> { ["status_url"] = "" }).Text!;

        withLink.ShouldContain("https://portal.example/s");
        withoutLink.Split('\n').Length.ShouldBe(withLink.Split('\n').Length - 1);
    }

    [Fact]
    public void A_language_without_templates_falls_back_to_english()
    {
        var result = new TemplateRenderer(new TemplateLocator()).Render("receipt", SampleDocuments.Arabic());

        result.Source.ShouldBe("builtin:receipt.en.scriban");
        result.Text!.ShouldContain("Reference number: SP-2026-000777");
    }

    [Fact]
    public void An_operator_override_for_the_form_wins_over_a_general_override_and_the_built_in()
    {
        Write("receipt.de.scriban", "general {{ reference_number }}");
        Write("buergergeld-hauptantrag/receipt.de.scriban", "form {{ reference_number }}");
        var renderer = new TemplateRenderer(new TemplateLocator(_overrides));

        renderer.Render("receipt", SampleDocuments.Buergergeld()).Text.ShouldBe("form SP-2026-000123");
        renderer.Render("receipt", SampleDocuments.EveryFieldType()).Text.ShouldBe("general SP-2026-000123");
        renderer.Render("cover-letter", SampleDocuments.Buergergeld()).Source.ShouldBe("builtin:cover-letter.de.scriban");
    }

    [Fact]
    public void A_syntax_error_is_reported_with_file_line_and_column()
    {
        var path = Write("receipt.de.scriban", "Zeile eins\nZeile zwei {{ for x in sections }}\n{{ x.title ");

        var result = new TemplateRenderer(new TemplateLocator(_overrides)).Render("receipt", SampleDocuments.Buergergeld());

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldNotBeEmpty();
        result.Errors[0].File.ShouldBe(path);
        result.Errors[0].Line.ShouldBeGreaterThanOrEqualTo(2);
        result.Errors[0].Column.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_misspelt_variable_is_reported_at_its_line_and_column()
    {
        var path = Write("receipt.de.scriban", "Hallo\n  {{ referenz_nummer }}");

        var error = new TemplateRenderer(new TemplateLocator(_overrides)).Render("receipt", SampleDocuments.Buergergeld()).Errors.Single();

        error.ShouldBe(error with { File = path, Line = 2, Column = 6 });
        error.Message.ShouldContain("referenz_nummer");
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}", "loop")]
    [InlineData("{{ for i in 1..200 }}{{ for j in 1..200 }}{{ end }}{{ end }}", "loop")]
    [InlineData("{{ func f(n) }}{{ f(n + 1) }}{{ end }}{{ f(1) }}", "recursi")]
    [InlineData("{{ for i in 1..9000 }}0123456789012345678901234567890123456789{{ end }}", "output")]
    public void A_runaway_template_ends_with_a_clear_error_instead_of_hanging(string text, string expected)
    {
        Write("receipt.de.scriban", text);
        var limits = new TemplateLimits { LoopIterations = 10_000, OutputCharacters = 100_000 };

        var result = new TemplateRenderer(new TemplateLocator(_overrides), limits).Render("receipt", SampleDocuments.Buergergeld());

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Message.ToLowerInvariant().ShouldContain(expected);
    }

    [Theory]
    [InlineData("{{ \"\".GetType() }}")]
    [InlineData("{{ authority.GetType }}")]
    [InlineData("{{ sections[0].GetHashCode }}")]
    [InlineData("{{ include 'receipt.de.scriban' }}")]
    [InlineData("{{ date.now.Ticks.GetType }}")]
    public void Templates_cannot_reach_dot_net(string text)
    {
        Write("receipt.de.scriban", text);

        var result = new TemplateRenderer(new TemplateLocator(_overrides)).Render("receipt", SampleDocuments.Buergergeld());

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Line.ShouldBe(1);
    }

    [Fact]
    public void Names_that_could_leave_the_overrides_directory_are_refused()
    {
        var result = new TemplateRenderer(new TemplateLocator(_overrides)).Render("../secret", SampleDocuments.Buergergeld());

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Message.ShouldContain("a-z, 0-9");
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_overrides, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
