using Bunit;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;

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
}
