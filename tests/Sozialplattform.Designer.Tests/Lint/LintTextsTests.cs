using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Lint;

public sealed class LintTextsTests
{
    [Fact]
    public void Every_lint_code_has_a_German_and_an_English_text()
    {
        LintCodes.All.Count.ShouldBeGreaterThan(30);
        foreach (var language in LintTexts.Languages)
        {
            var missing = LintCodes.All.Where(code => !LintTexts.Of(language).TryGetValue(code, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
            missing.ShouldBeEmpty($"lint codes without a '{language}' text");
        }
    }

    [Fact]
    public void The_texts_name_no_code_the_lint_does_not_have()
    {
        foreach (var language in LintTexts.Languages)
            LintTexts.Of(language).Keys.Except(LintCodes.All).ShouldBeEmpty();
    }

    [Fact]
    public void Arguments_fill_the_placeholders_and_the_command_lines_English_message_stays()
    {
        var finding = new LintFinding("forms/x/1.0.0/form.json", "topic", "'wohnen' is not a topic of catalog.json") { Code = LintCodes.TopicUnknown, Arguments = ["wohnen"] };

        LintTexts.Text(finding).ShouldBe("„wohnen“ ist kein Thema des Katalogs; bitte eines der angebotenen Themen wählen.");
        LintTexts.Text(finding, "en").ShouldBe("'wohnen' is not a topic of the catalog; choose one of the topics offered.");
        finding.Message.ShouldBe("'wohnen' is not a topic of catalog.json");
    }

    [Fact]
    public void The_designers_lint_of_a_form_without_metadata_speaks_German()
    {
        var document = DefinitionDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Catalog, "forms", "einstiegsgeld", "1.0.0", "form.json")), "einstiegsgeld");
        document.Apply(new SetProperty(DocumentPath.Root, "keywords", new JsonArray()));
        document.Apply(new SetProperty(DocumentPath.Root, "legalBasis", new JsonArray()));
        document.Apply(new SetText(DocumentPath.Parse("pages[2].items[2]"), "label", "en", ""));

        var items = DefinitionLint.Run(document, Repository.Catalog).Where(i => i.Source == LintSource.Catalog).ToList();

        items.ShouldContain(i => i.Code == LintCodes.KeywordsMissing && i.Message == "keywords: Suchbegriffe fehlen: Die Suche im Portal findet die Leistung über ihre Suchbegriffe.");
        items.ShouldContain(i => i.Code == LintCodes.LegalBasisMissing && i.Message.Contains("Rechtsgrundlage fehlt"));
        items.ShouldContain(i => i.Code == LintCodes.TextLanguageMissing && i.Message.EndsWith("Der Text fehlt in der Sprache „en“.", StringComparison.Ordinal));
        items.ShouldAllBe(i => i.Code != LintCodes.Other);
    }
}
