using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Workspace;

public sealed class FormWorkspaceTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;

    public FormWorkspaceTests() => _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Opening_a_catalog_form_starts_a_draft_that_is_byte_for_byte_the_published_version()
    {
        var draft = _workspace.Open("einstiegsgeld", "anna");

        draft.Content.ShouldBe(File.ReadAllBytes(_catalog.FormFile("einstiegsgeld", "1.0.2")));
        draft.BaseVersion.ShouldBe("1.0.2");
        _workspace.Forms().Single(f => f.Id == "einstiegsgeld").HasDraft.ShouldBeTrue();
    }

    [Fact]
    public void Loading_and_saving_an_untouched_catalog_form_gives_the_same_bytes()
    {
        var draft = _workspace.Open("buergergeld", "anna");
        var document = DefinitionDocument.Parse(draft.Content, "buergergeld");

        var saved = _workspace.Save("buergergeld", document.ToUtf8(), draft.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        saved.Draft.ETag.ShouldBe(draft.ETag);
        File.ReadAllBytes(_catalog.FormFile("buergergeld", "1.0.2")).ShouldBe(saved.Draft.Content);
    }

    [Fact]
    public void A_stale_save_is_refused_with_who_saved_when_and_nothing_is_overwritten()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var bertsVersion = Edited(opened, "Berts Titel");
        var berts = _workspace.Save("einstiegsgeld", bertsVersion, opened.ETag, "bert").ShouldBeOfType<SaveResult.Saved>();

        var conflict = _workspace.Save("einstiegsgeld", Edited(opened, "Annas Titel"), opened.ETag, "anna").ShouldBeOfType<SaveResult.Conflict>();

        conflict.Current.SavedBy.ShouldBe("bert");
        conflict.Current.ETag.ShouldBe(berts.Draft.ETag);
        conflict.Message("de").ShouldContain("bert hat dieses Formular am");
        conflict.Message("en").ShouldContain("Nothing was overwritten");
        _workspace.Current("einstiegsgeld")!.Content.ShouldBe(bertsVersion);
    }

    [Fact]
    public void Publishing_writes_a_new_immutable_version_and_the_draft_goes_on_from_it()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var saved = _workspace.Save("einstiegsgeld", Edited(opened, "Neuer Titel"), opened.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        var published = _workspace.Publish("einstiegsgeld", saved.Draft.ETag, "1.0.3", "anna").ShouldBeOfType<SaveResult.Published>();

        var text = File.ReadAllText(_catalog.FormFile("einstiegsgeld", "1.0.3"));
        text.ShouldContain("\"version\": \"1.0.3\"");
        text.ShouldContain("\"status\": \"published\"");
        text.ShouldContain("Neuer Titel");
        File.Exists(Path.Combine(_catalog.Catalog, "forms", "einstiegsgeld", "1.0.3", "answers", "valid.json")).ShouldBeTrue();
        _workspace.Versions("einstiegsgeld").ShouldBe(["1.0.0", "1.0.1", "1.0.2", "1.0.3"]);
        published.Draft.BaseVersion.ShouldBe("1.0.3");
        Encoding.UTF8.GetString(published.Draft.Content).ShouldContain("\"status\": \"draft\"");
    }

    [Fact]
    public void A_draft_equal_to_the_published_version_is_not_published_again_as_a_copy()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var published = _workspace.Publish("einstiegsgeld", _workspace.Save("einstiegsgeld", Edited(opened, "Neu"), opened.ETag, "anna")
            .ShouldBeOfType<SaveResult.Saved>().Draft.ETag, "1.0.3", "anna").ShouldBeOfType<SaveResult.Published>();

        var refused = _workspace.Publish("einstiegsgeld", published.Draft.ETag, "1.0.4", "anna").ShouldBeOfType<SaveResult.Refused>();

        refused.Reasons.ShouldBe(["Keine Änderungen gegenüber Version 1.0.3: der Entwurf entspricht ihr, es gibt nichts zu veröffentlichen."]);
        _workspace.Versions("einstiegsgeld").ShouldBe(["1.0.0", "1.0.1", "1.0.2", "1.0.3"]);
    }

    [Fact]
    public void A_published_version_is_never_changed_again()
    {
        var original = File.ReadAllBytes(_catalog.FormFile("einstiegsgeld", "1.0.0"));
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var saved = _workspace.Save("einstiegsgeld", Edited(opened, "Anders"), opened.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        var refused = _workspace.Publish("einstiegsgeld", saved.Draft.ETag, "1.0.0", "anna").ShouldBeOfType<SaveResult.Refused>();
        refused.Reasons.ShouldHaveSingleItem().ShouldContain("ist schon veröffentlicht");
        _workspace.Publish("einstiegsgeld", saved.Draft.ETag, "0.9.0", "anna").ShouldBeOfType<SaveResult.Refused>()
            .Reasons.ShouldHaveSingleItem().ShouldContain("ist nicht neuer");

        File.ReadAllBytes(_catalog.FormFile("einstiegsgeld", "1.0.0")).ShouldBe(original);
    }

    [Fact]
    public void A_definition_with_errors_is_not_published()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var document = DefinitionDocument.Parse(opened.Content, "x");
        document.Apply(new SetProperty(DocumentPath.Parse("pages[0].items[0]"), "visibleIf", JsonValue.Create("gibtEsNicht === 1")));
        var saved = _workspace.Save("einstiegsgeld", document.ToUtf8(), opened.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        var refused = _workspace.Publish("einstiegsgeld", saved.Draft.ETag, "2.0.0", "anna").ShouldBeOfType<SaveResult.Refused>();

        refused.Reasons.ShouldContain(r => r.Contains("gibtEsNicht"));
        Directory.Exists(Path.Combine(_catalog.Catalog, "forms", "einstiegsgeld", "2.0.0")).ShouldBeFalse();
    }

    [Fact]
    public void A_form_with_a_fim_select_whose_code_list_is_missing_is_not_published_because_the_list_would_change_its_answers()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var document = DefinitionDocument.Parse(opened.Content, "x");
        var note = new JsonArray(new JsonObject
        {
            ["text"] = "Code list urn:de:xoev:codeliste:staaten 2024-01-01 was not available at import.",
            ["source"] = "fim:codelisteReferenz",
            ["fim"] = new JsonObject { ["id"] = "urn:de:xoev:codeliste:staaten", ["version"] = "2024-01-01" },
        });
        document.Apply(new SetProperty(DocumentPath.Parse("pages[0].items[0]"), "notes", note));
        var saved = _workspace.Save("einstiegsgeld", document.ToUtf8(), opened.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        var refused = _workspace.Publish("einstiegsgeld", saved.Draft.ETag, "2.0.0", "anna").ShouldBeOfType<SaveResult.Refused>();

        refused.Reasons.ShouldContain(r => r.Contains("urn:de:xoev:codeliste:staaten 2024-01-01") && r.Contains("vor dem Veröffentlichen unter „Codelisten“ importieren"));
        Directory.Exists(Path.Combine(_catalog.Catalog, "forms", "einstiegsgeld", "2.0.0")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("(Object.assign(Object.prototype, { polluted: true }), false)", "rule-changes-builtins")]
    [InlineData("Math.random() < 0.5", "rule-nondeterministic")]
    public void A_definition_with_a_polluting_or_non_deterministic_rule_is_not_published(string rule, string code)
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var document = DefinitionDocument.Parse(opened.Content, "x");
        document.Apply(new SetProperty(DocumentPath.Parse("pages[0].items[0]"), "visibleIf", JsonValue.Create(rule)));
        var saved = _workspace.Save("einstiegsgeld", document.ToUtf8(), opened.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        var refused = _workspace.Publish("einstiegsgeld", saved.Draft.ETag, "2.0.0", "anna").ShouldBeOfType<SaveResult.Refused>();

        refused.Reasons.ShouldContain(r => r.Contains("pages[0].items[0].visibleIf", StringComparison.Ordinal) && r.Contains(code == "rule-nondeterministic" ? "bei jedem Aufruf etwas anderes" : "die eingebauten Objekte ändern"), string.Join("\n", refused.Reasons));
        Directory.Exists(Path.Combine(_catalog.Catalog, "forms", "einstiegsgeld", "2.0.0")).ShouldBeFalse();
    }

    [Fact]
    public void A_stale_publish_is_a_conflict()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        _workspace.Save("einstiegsgeld", Edited(opened, "Bert"), opened.ETag, "bert");

        _workspace.Publish("einstiegsgeld", opened.ETag, "1.0.3", "anna").ShouldBeOfType<SaveResult.Conflict>();
        _workspace.Versions("einstiegsgeld").ShouldBe(["1.0.0", "1.0.1", "1.0.2"]);
    }

    [Fact]
    public void Form_ids_that_are_no_plain_names_never_become_paths()
    {
        Should.Throw<WorkspaceException>(() => _workspace.Open("../etc", "anna"));
        Should.Throw<WorkspaceException>(() => _workspace.ReadPublished("einstiegsgeld", "../../x"));
    }

    [Fact]
    public void A_new_form_cannot_take_the_id_of_an_existing_one()
    {
        _workspace.Create("neu", Encoding.UTF8.GetBytes(Forms.Household("neu").ToJsonString()), "anna").BaseVersion.ShouldBeNull();

        Should.Throw<WorkspaceException>(() => _workspace.Create("neu", [], "bert"));
        Should.Throw<WorkspaceException>(() => _workspace.Create("einstiegsgeld", [], "bert"));
    }

    private static byte[] Edited(Draft draft, string title)
    {
        var document = DefinitionDocument.Parse(draft.Content, draft.FormId);
        document.Apply(new SetText(DocumentPath.Root, "title", "de", title));
        return document.ToUtf8();
    }
}
