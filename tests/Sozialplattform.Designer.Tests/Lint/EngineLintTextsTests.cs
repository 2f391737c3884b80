using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Designer.Tests.Lint;

/// <summary>The engine's definition problems in the designer: German (or English) texts from their key and arguments.</summary>
public sealed class EngineLintTextsTests
{
    private static DefinitionDocument Einstiegsgeld() =>
        DefinitionDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Catalog, "forms", "einstiegsgeld", "1.0.0", "form.json")), "einstiegsgeld");

    private static LintItem EngineError(DefinitionDocument document, string language = "de") =>
        DefinitionLint.Run(document, Repository.Catalog, language: language).Where(i => i.IsError && i.Source == LintSource.Engine).ShouldHaveSingleItem();

    [Fact]
    public void Every_problem_the_engine_can_report_has_a_German_and_an_English_text_using_each_of_its_arguments()
    {
        DefinitionProblemCodes.Arguments.Count.ShouldBeGreaterThan(60);
        foreach (var language in LintTexts.Languages)
        {
            var texts = LintTexts.OfEngine(language);
            var wrong = new List<string>();
            foreach (var (key, arguments) in DefinitionProblemCodes.Arguments)
            {
                if (!texts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)) wrong.Add($"{key}: no text");
                else if (!LintTexts.Placeholders(text).SetEquals(Enumerable.Range(0, arguments.Count)))
                    wrong.Add($"{key}: placeholders {string.Join(",", LintTexts.Placeholders(text).Order())}, arguments {arguments.Count}");
            }

            wrong.ShouldBeEmpty($"engine problems whose '{language}' text is missing or does not fit the arguments");
        }
    }

    [Fact]
    public void The_engine_texts_name_no_key_the_engine_does_not_have_and_every_rule_kind()
    {
        var kinds = Enum.GetNames<RuleKind>().Select(k => LintTexts.RuleKindPrefix + k.ToLowerInvariant()).ToList();
        foreach (var language in LintTexts.Languages)
        {
            LintTexts.OfEngine(language).Keys.Except(DefinitionProblemCodes.Arguments.Keys).Except(kinds).ShouldBeEmpty();
            kinds.Except(LintTexts.OfEngine(language).Keys).ShouldBeEmpty();
        }
    }

    [Fact]
    public void A_rule_naming_an_unknown_field_is_said_in_German_with_the_rules_kind()
    {
        var document = Einstiegsgeld();
        document.Apply(new SetProperty(DocumentPath.Parse("pages[2].items[2]"), "visibleIf", JsonValue.Create("gibtEsNicht")));

        var item = EngineError(document);

        item.Message.ShouldBe("Die Regel für die Sichtbarkeit „gibtEsNicht“ nennt „gibtEsNicht“: Ein Feld oder eine Gruppe mit diesem Schlüssel gibt es hier nicht, und es ist keine Hilfsfunktion. Bitte den Schlüssel prüfen.");
        item.Code.ShouldBe(DefinitionProblemCodes.RuleUnknownName);
        item.Where.ShouldStartWith("pages[2].items[2].visibleIf (Zeile ");
    }

    [Fact]
    public void A_field_problem_names_the_field_by_its_label_not_its_key()
    {
        var document = Einstiegsgeld();
        var field = DocumentPath.Parse("pages[2].items[2]");
        document.Apply(new SetProperty(field, "minLength", JsonValue.Create(5)));
        document.Apply(new SetProperty(field, "maxLength", JsonValue.Create(2)));

        var item = EngineError(document);

        item.Message.ShouldBe("Beim Feld „Arbeitgeber“ ist die Mindestlänge (5) größer als die Höchstlänge (2); so kann niemand eine passende Antwort geben. Bitte eine der beiden Zahlen ändern.");
        item.Element.ShouldBe(field);
        EngineError(document, "en").Message.ShouldBe("Field 'Arbeitgeber' has a minimum length (5) greater than its maximum length (2), so no answer can fit. Change one of them.");
    }

    [Fact]
    public void A_property_the_field_type_does_not_have_is_said_in_German()
    {
        var document = Einstiegsgeld();
        document.Apply(new SetProperty(DocumentPath.Parse("pages[2].items[1]"), "pattern", JsonValue.Create("[0-9]+")));

        EngineError(document).Message.ShouldBe("Die Eigenschaft „pattern“ gibt es bei Feldern der Art „date“ nicht; bitte entfernen.");
    }

    [Fact]
    public void A_missing_translation_warning_names_the_language_the_count_and_the_first_text()
    {
        var document = Einstiegsgeld();
        document.Apply(new SetText(DocumentPath.Parse("pages[2].items[2]"), "label", "en", ""));

        var warning = DefinitionLint.Run(document, Repository.Catalog).Where(i => !i.IsError && i.Source == LintSource.Engine).ShouldHaveSingleItem();

        warning.Message.ShouldBe("Texte in der Sprache „en“ fehlen (1), zuerst die Beschriftung von „Arbeitgeber“. Bitte unter „Übersetzungen“ ergänzen.");
    }

    [Fact]
    public void No_engine_problem_of_a_broken_form_falls_back_to_the_English_message()
    {
        var document = Einstiegsgeld();
        document.Apply(new SetProperty(DocumentPath.Parse("pages[2].items[2]"), "requiredIf", JsonValue.Create("Date.now() > 0")));
        document.Apply(new SetProperty(DocumentPath.Parse("pages[2].items[4]"), "min", JsonValue.Create("viel")));
        document.Apply(new SetProperty(DocumentPath.Parse("pages[2].items[5]"), "value", JsonValue.Create("brutto + 1")));

        var items = DefinitionLint.Run(document, Repository.Catalog).Where(i => i.Source == LintSource.Engine).ToList();

        items.Count.ShouldBeGreaterThan(1);
        items.ShouldAllBe(i => i.Code != null && LintTexts.OfEngine("de").ContainsKey(i.Code));
        items.ShouldNotContain(i => i.Message.Contains("rule ", StringComparison.Ordinal) || i.Message.Contains("field '", StringComparison.Ordinal));
    }
}
