using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Editing;

/// <summary>The JSON source of one element typed by a power user: checked, then one undoable edit.</summary>
public sealed class ReplaceElementTests
{
    private static DefinitionDocument Document() => DefinitionDocument.Parse(System.Text.Encoding.UTF8.GetBytes(Forms.Household().ToJsonString()), "probe");

    [Fact]
    public void An_item_replaced_by_its_edited_source_is_one_edit_that_undo_takes_back()
    {
        var document = Document();
        var item = DocumentPath.Parse("pages[0].items[0]");
        var before = document.Root.DeepClone();
        var source = JsonNode.Parse(ReplaceElement.Source(document, item))!.AsObject();
        source["maxLength"] = 40;

        var (edit, problem) = ReplaceElement.Plan(document, item, source.ToJsonString());
        document.Apply(edit!);

        problem.ShouldBeNull();
        item.Find(document.Root)!["maxLength"]!.GetValue<int>().ShouldBe(40);
        document.History.Undo();
        JsonNode.DeepEquals(document.Root, before).ShouldBeTrue();
    }

    [Fact]
    public void The_form_itself_is_replaced_property_by_property_and_a_property_left_out_is_removed()
    {
        var document = Document();
        var source = JsonNode.Parse(ReplaceElement.Source(document, DocumentPath.Root))!.AsObject();
        source["keywords"] = new JsonArray("Haushalt");
        source.Remove("languages");

        var (edit, _) = ReplaceElement.Plan(document, DocumentPath.Root, source.ToJsonString());
        document.Apply(edit!);

        document.Root["keywords"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Haushalt");
        document.Root.ContainsKey("languages").ShouldBeFalse();
        document.Root["pages"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{ \"key\": \"x\",\n  \"type\": }", "Kein gültiges JSON (Zeile 2")]
    [InlineData("[1, 2]", "Ein Element ist ein JSON-Objekt")]
    [InlineData("{ \"key\": \"x\" }", "braucht seinen \"type\"")]
    [InlineData("\"text\"", "Ein Element ist ein JSON-Objekt")]
    public void Text_that_cannot_replace_an_item_is_refused_with_the_reason_and_nothing_changes(string source, string reason)
    {
        var document = Document();
        var before = document.ToText();

        var (edit, problem) = ReplaceElement.Plan(document, DocumentPath.Parse("pages[0].items[0]"), source);

        edit.ShouldBeNull();
        problem!.ShouldContain(reason);
        document.ToText().ShouldBe(before);
    }

    [Fact]
    public void A_page_must_keep_its_id_and_an_unchanged_source_is_no_edit()
    {
        var document = Document();
        var page = DocumentPath.Parse("pages[0]");

        ReplaceElement.Plan(document, page, "{ \"title\": { \"de\": \"Seite\" }, \"items\": [] }").Problem!.ShouldContain("braucht ihre \"id\"");
        ReplaceElement.Plan(document, page, ReplaceElement.Source(document, page)).ShouldBe((null, null));
        ReplaceElement.Plan(document, page, new string(' ', ReplaceElement.MaxSourceLength + 1)).Problem!.ShouldContain("länger als");
    }
}
