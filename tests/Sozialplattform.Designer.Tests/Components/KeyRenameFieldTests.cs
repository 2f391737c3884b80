using Bunit;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>The key box renames with the rules in one edit, and a refused key is said beside the field (nothing changes).</summary>
public sealed class KeyRenameFieldTests : BunitContext
{
    private const string Form = """
        {"id": "probe", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "Probe",
         "pages": [{"id": "start", "title": "Start", "items": [
           {"key": "alter", "type": "integer", "label": "Alter"},
           {"key": "art", "type": "text", "label": "Art", "visibleIf": "alter > 17 && art !== 'alter'"}]}]}
        """;

    [Fact]
    public void A_key_taken_by_a_sibling_is_refused_beside_the_field_and_a_free_one_renames_the_rules_in_one_edit()
    {
        var document = DefinitionDocument.Parse(Form, "probe");
        var path = DocumentPath.Parse("pages[0].items[0]");
        var edits = new List<IEdit>();
        var field = Render<KeyRenameField>(p => p.Add(x => x.Owner, (System.Text.Json.Nodes.JsonObject)path.Find(document.Root)!).Add(x => x.OwnerPath, path)
            .Add(x => x.OnEdit, edit => edits.Add(edit)));

        field.Find("[data-testid=prop-key]").Change("art");

        field.Find("[data-testid=rename-refused]").TextContent.ShouldContain("Den Schlüssel „art“ gibt es auf dieser Ebene schon");
        field.Find("[data-testid=prop-key]").GetAttribute("aria-invalid").ShouldBe("true");
        edits.ShouldBeEmpty();

        field.Find("[data-testid=prop-key]").Change("lebensalter");

        document.Apply(edits.ShouldHaveSingleItem());
        DocumentPath.Parse("pages[0].items[1].visibleIf").Find(document.Root)!.ToString().ShouldBe("lebensalter > 17 && art !== 'alter'");
        field.FindAll("[data-testid=rename-refused]").ShouldBeEmpty();
        field.Find("[data-testid=rename-done]").TextContent.ShouldBe("1 Regeln angepasst.");
    }

    [Fact]
    public void A_rename_in_a_catalog_form_saves_its_sample_answers_with_the_new_key_and_a_block_use_says_where_the_blocks_keys_change()
    {
        using var catalog = new TemporaryCatalog();
        var workspace = new Sozialplattform.Designer.Workspace.FormWorkspace(new Sozialplattform.Designer.Workspace.WorkspaceOptions { CatalogDirectory = catalog.Catalog, DraftDirectory = catalog.Drafts });
        Services.AddSingleton(workspace);
        AddAuthorization().SetAuthorized("anna");
        var draft = workspace.Open("einstiegsgeld", "anna");
        var document = DefinitionDocument.Parse(draft.Content, "einstiegsgeld");
        var samples = Sozialplattform.Designer.Preview.SampleAnswers.From(new Sozialplattform.Designer.Workspace.DraftSamples(workspace).Files("einstiegsgeld", draft.BaseVersion));
        var path = DocumentPath.Parse("pages[2].items[2]");
        var saved = 0;
        var field = Render<KeyRenameField>(p => p.Add(x => x.Owner, (System.Text.Json.Nodes.JsonObject)path.Find(document.Root)!).Add(x => x.OwnerPath, path)
            .Add(x => x.Surroundings, new Sozialplattform.Designer.Editing.Renaming.RenameSurroundings([], samples))
            .Add(x => x.FormId, "einstiegsgeld").Add(x => x.BaseVersion, draft.BaseVersion)
            .Add(x => x.OnEdit, edit => document.Apply(edit)).Add(x => x.OnSamplesSaved, () => saved++));

        field.Find("[data-testid=prop-key]").Change("arbeitgeberName");

        field.WaitForAssertion(() => field.Find("[data-testid=rename-done]").TextContent.ShouldContain("Beispielantworten umbenannt gespeichert: valid"), TimeSpan.FromMinutes(2));
        saved.ShouldBe(1);
        var files = new Sozialplattform.Designer.Workspace.DraftSamples(workspace).Files("einstiegsgeld", draft.BaseVersion);
        var valid = System.Text.Json.Nodes.JsonNode.Parse(files["valid.json"])!.AsObject();
        valid["arbeitgeberName"]!.ToString().ShouldBe("Logistik West GmbH");
        valid.ContainsKey("arbeitgeber").ShouldBeFalse();
        Sozialplattform.Designer.Preview.PreviewEvaluation.Run(document.ToText(), workspace.Catalog, valid).Result!.Errors.ShouldBeEmpty();

        var use = new System.Text.Json.Nodes.JsonObject { ["key"] = "anschrift", ["type"] = "group", ["block"] = "adresse@1.0.0" };
        var note = Render<KeyRenameField>(p => p.Add(x => x.Owner, use).Add(x => x.OwnerPath, DocumentPath.Parse("pages[0].items[0]")));
        note.Find("[data-testid=rename-block-note]").TextContent.ShouldContain("Die Schlüssel der Felder im Baustein ändert man im Baustein selbst");
    }

    [Fact]
    public void A_letter_that_names_the_key_in_a_way_that_cannot_be_followed_is_listed_with_file_and_line_and_nothing_changes()
    {
        var (workspace, document, path, draft) = Einstiegsgeld();
        const string letter = "Betreff\nText\n{{ answers[\"arbeit\" + \"geber\"] }} {{ field.path | string.ends_with \".arbeitgeber\" }}\n";
        new Sozialplattform.Designer.Service.DraftServiceFiles(workspace).Save("einstiegsgeld", 0, new Dictionary<string, string> { ["letters/bescheid.de.scriban"] = letter }, "anna").Saved.ShouldBeTrue();
        var edits = new List<IEdit>();
        var field = Render<KeyRenameField>(p => p.Add(x => x.Owner, (System.Text.Json.Nodes.JsonObject)path.Find(document.Root)!).Add(x => x.OwnerPath, path)
            .Add(x => x.FormId, "einstiegsgeld").Add(x => x.BaseVersion, draft.BaseVersion).Add(x => x.OnEdit, edit => edits.Add(edit)));

        field.Find("[data-testid=prop-key]").Change("arbeitgeberName");

        field.WaitForAssertion(() => field.FindAll("[data-testid=rename-refused] li").Count.ShouldBe(2), TimeSpan.FromMinutes(2));
        field.FindAll("[data-testid=rename-refused] li").ShouldAllBe(li => li.TextContent.StartsWith("letters/bescheid.de.scriban, Zeile 3:"));
        field.Find("[data-testid=rename-refused]").TextContent.ShouldContain("\".arbeitgeber\"");
        edits.ShouldBeEmpty();
        new Sozialplattform.Designer.Service.DraftServiceFiles(workspace).Current("einstiegsgeld", draft.BaseVersion).Files["letters/bescheid.de.scriban"].ShouldBe(letter);
    }

    [Fact]
    public void A_letter_that_names_the_key_is_saved_renamed_as_the_next_set_and_the_confirmation_says_how_to_go_back()
    {
        var (workspace, document, path, draft) = Einstiegsgeld();
        var files = new Sozialplattform.Designer.Service.DraftServiceFiles(workspace);
        files.Save("einstiegsgeld", 0, new Dictionary<string, string> { ["letters/bescheid.de.scriban"] = "Betreff\nBei {{ answers.arbeitgeber }} ({{ answers[\"arbeitgeber\"] }})\n" }, "anna").Saved.ShouldBeTrue();
        var field = Render<KeyRenameField>(p => p.Add(x => x.Owner, (System.Text.Json.Nodes.JsonObject)path.Find(document.Root)!).Add(x => x.OwnerPath, path)
            .Add(x => x.FormId, "einstiegsgeld").Add(x => x.BaseVersion, draft.BaseVersion).Add(x => x.OnEdit, edit => document.Apply(edit)));

        field.Find("[data-testid=prop-key]").Change("arbeitgeberName");

        field.WaitForAssertion(() => field.Find("[data-testid=rename-done]").TextContent.ShouldContain("Vorlagen angepasst und gespeichert: letters/bescheid.de.scriban."), TimeSpan.FromMinutes(2));
        field.Find("[data-testid=rename-done]").TextContent.ShouldContain("wieder in „arbeitgeber“ umbenennen");
        var current = files.Current("einstiegsgeld", draft.BaseVersion);
        current.Number.ShouldBe(2);
        current.Files["letters/bescheid.de.scriban"].ShouldBe("Betreff\nBei {{ answers.arbeitgeberName }} ({{ answers[\"arbeitgeberName\"] }})\n");
    }

    private readonly List<TemporaryCatalog> _catalogs = [];

    protected override void Dispose(bool disposing)
    {
        foreach (var catalog in _catalogs) catalog.Dispose();
        base.Dispose(disposing);
    }

    private (Sozialplattform.Designer.Workspace.FormWorkspace, DefinitionDocument, DocumentPath, Sozialplattform.Designer.Workspace.Draft) Einstiegsgeld()
    {
        var catalog = new TemporaryCatalog();
        _catalogs.Add(catalog);
        var workspace = new Sozialplattform.Designer.Workspace.FormWorkspace(new Sozialplattform.Designer.Workspace.WorkspaceOptions { CatalogDirectory = catalog.Catalog, DraftDirectory = catalog.Drafts });
        Services.AddSingleton(workspace);
        AddAuthorization().SetAuthorized("anna");
        var draft = workspace.Open("einstiegsgeld", "anna");
        return (workspace, DefinitionDocument.Parse(draft.Content, "einstiegsgeld"), DocumentPath.Parse("pages[2].items[2]"), draft);
    }
}
