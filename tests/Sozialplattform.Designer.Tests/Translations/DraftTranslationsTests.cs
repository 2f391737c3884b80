using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Translations;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Translations;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Translations;

/// <summary>A draft's translations in the designer: completeness, the translators' file, and its import as one undoable edit.</summary>
public sealed class DraftTranslationsTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly DefinitionDocument _document;

    public DraftTranslationsTests()
    {
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _document = DefinitionDocument.Parse(workspace.Open("einstiegsgeld", "anna").Content, "einstiegsgeld");
    }

    public void Dispose() => _catalog.Dispose();

    /// <summary>The draft without its Turkish title and Turkish document name, as if they were new texts.</summary>
    private void WithoutTwoTurkishTexts()
    {
        _document.Apply(new SetText(DocumentPath.Root, "title", "tr", ""));
        var documents = (JsonArray)_document.Root["requiredDocuments"]!.DeepClone();
        ((JsonObject)documents[0]!).Remove("tr");
        _document.Apply(new SetProperty(DocumentPath.Root, "requiredDocuments", documents));
    }

    [Fact]
    public void A_catalog_form_is_complete_in_every_portal_language_and_a_text_without_turkish_counts_as_missing()
    {
        DraftTranslations.Completeness(_document.Root).ShouldAllBe(l => l.Missing == 0 && l.Percent == 100);

        WithoutTwoTurkishTexts();

        var turkish = DraftTranslations.Completeness(_document.Root).Single(l => l.Language == "tr");
        turkish.Missing.ShouldBe(2);
        turkish.Total.ShouldBe(DraftTranslations.Completeness(_document.Root).Single(l => l.Language == "en").Total);
        DraftTranslations.Targets.ShouldBe(["en", "tr", "ar", "uk", "ru"]);
    }

    [Fact]
    public void An_imported_file_is_one_edit_that_changes_only_the_translated_texts_and_undo_restores_the_draft_byte_for_byte()
    {
        WithoutTwoTurkishTexts();
        var before = _document.ToUtf8();
        var exported = DraftTranslations.Export(_document.Root, "einstiegsgeld", "tr");
        var translated = exported with
        {
            Entries = [.. exported.Entries.Select(e => e.Id switch
            {
                "title" => e with { Target = "Başlangıç parası başvurusu" },
                "requiredDocuments[0]" => e with { Target = "Jobcenter yazısı" },
                _ => e,
            })],
        };

        var (edit, report) = DraftTranslations.Import(_document.Root, translated);
        _document.Apply(edit!);

        report.Missing.ShouldBeEmpty();
        report.Applied.Count.ShouldBe(exported.Entries.Count); // the others are set to what they were
        _document.Root["title"]!["tr"]!.GetValue<string>().ShouldBe("Başlangıç parası başvurusu");
        _document.Root["requiredDocuments"]![0]!["tr"]!.GetValue<string>().ShouldBe("Jobcenter yazısı");
        var changedLines = Lines(before).Except(Lines(_document.ToUtf8())).Count();
        changedLines.ShouldBeLessThanOrEqualTo(2, "only the title's and the document's lines change");
        _document.History.Undo();
        _document.ToUtf8().ShouldBe(before);
    }

    [Fact]
    public void A_text_typed_beside_the_german_is_checked_like_a_file_and_an_empty_box_removes_the_translation()
    {
        var unit = FormTexts.Units(_document.Root, "en").First(u => u.Id == "title");

        var (longer, longerReport) = DraftTranslations.Set(_document.Root, "einstiegsgeld", "en", unit with { Target = null }, "x".PadRight(200, 'x'));
        longer.ShouldNotBeNull();
        longerReport.Suspicious.ShouldHaveSingleItem().Applied.ShouldBeTrue();

        var (removal, _) = DraftTranslations.Set(_document.Root, "einstiegsgeld", "en", unit, "  ");
        _document.Apply(removal!);
        _document.Root["title"]!["en"].ShouldBeNull();
        _document.Root["title"]!["de"].ShouldNotBeNull();
    }

    [Fact]
    public void A_translation_of_a_german_text_that_has_changed_since_is_not_set()
    {
        var exported = DraftTranslations.Export(_document.Root, "einstiegsgeld", "uk");
        _document.Apply(new SetText(DocumentPath.Root, "title", "de", "Einstiegsgeld – neuer Titel"));

        var (edit, report) = DraftTranslations.Import(_document.Root, exported with { Entries = [.. exported.Entries.Where(e => e.Id == "title")] });

        edit.ShouldBeNull();
        report.Changed.ShouldHaveSingleItem().Id.ShouldBe("title");
    }

    private static string[] Lines(byte[] utf8) => Encoding.UTF8.GetString(utf8).Split('\n');
}
