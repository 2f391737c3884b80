using System.Text.Json.Nodes;
using Bunit;
using Sozialplattform.Web.Components.Fields;
using Sozialplattform.Web.Components.Form;

namespace Sozialplattform.Web.Tests.Components;

public sealed class FieldComponentTests : ComponentTestContext
{
    [Fact]
    public void A_text_field_has_a_label_for_its_input_and_ties_its_error_to_it()
    {
        var field = Render<TextInput>(p => p.Add(c => c.Model, Model("name", errors: ["Bitte machen Sie eine Angabe zu „Name“."])));
        var input = field.Find("input#f-name");
        field.Find("label").GetAttribute("for").ShouldBe("f-name");
        input.GetAttribute("aria-describedby")!.ShouldContain("f-name-error");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        field.Find("#f-name-error").TextContent.ShouldContain("Bitte machen Sie eine Angabe zu „Name“.");
    }

    [Fact]
    public void A_number_is_shown_again_with_the_German_decimal_comma_and_unparseable_input_as_typed()
    {
        Render<TextInput>(p => p.Add(c => c.Model, Model("betrag", new JsonObject { ["betrag"] = 1234.5m }))).Find("input").GetAttribute("value").ShouldBe("1234,5");
        Render<TextInput>(p => p.Add(c => c.Model, Model("betrag", new JsonObject { ["betrag"] = "zwölf" }))).Find("input").GetAttribute("value").ShouldBe("zwölf");
    }

    [Fact]
    public void Radio_buttons_are_a_fieldset_with_a_legend_and_yes_no_in_the_citizens_language()
    {
        var field = Render<RadioInput>(p => p.Add(c => c.Model, Model("einverstanden", new JsonObject { ["einverstanden"] = true })));
        field.Find("fieldset legend").TextContent.ShouldContain("einverstanden", Case.Insensitive);
        field.FindAll("input[type=radio]").Select(r => r.GetAttribute("value")).ShouldBe(["true", "false"]);
        field.Find("input[value=true]").HasAttribute("checked").ShouldBeTrue();
        field.Find("label[for='f-einverstanden']").TextContent.ShouldBe("Ja");
    }

    [Fact]
    public void Checkboxes_keep_every_chosen_code()
    {
        var field = Render<CheckboxesInput>(p => p.Add(c => c.Model, Model("sprachen", new JsonObject { ["sprachen"] = new JsonArray("de", "tr") })));
        field.FindAll("input[checked]").Select(i => i.GetAttribute("value")).ShouldBe(["de", "tr"]);
    }

    [Fact]
    public void An_address_has_one_labelled_input_per_part_named_with_the_part()
    {
        var field = Render<AddressInput>(p => p.Add(c => c.Model, Model("anschrift", new JsonObject { ["anschrift"] = new JsonObject { ["city"] = "Borken" } })));
        field.FindAll("input").Select(i => i.GetAttribute("name")).ShouldBe(["anschrift.street", "anschrift.houseNumber", "anschrift.postalCode", "anschrift.city"]);
        field.Find("#f-anschrift-city").GetAttribute("value").ShouldBe("Borken");
        field.Find("label[for='f-anschrift-street']").TextContent.ShouldBe("Straße");
    }

    [Fact]
    public void A_file_field_lists_stored_files_with_remove_buttons_and_states_its_limits()
    {
        var files = new JsonArray(new JsonObject { ["id"] = "abc", ["name"] = "pass.pdf", ["size"] = 2048, ["mediaType"] = "application/pdf", ["sha256"] = new string('a', 64) });
        var field = Render<FileInput>(p => p.Add(c => c.Model, Model("ausweis", new JsonObject { ["ausweis"] = files })));
        field.Find(".file-list").TextContent.ShouldContain("pass.pdf");
        field.Find("button[value='removeFile:ausweis|abc']").ShouldNotBeNull();
        field.Find(".hint[id$='-limits']").TextContent.ShouldContain("höchstens");
    }

    [Fact]
    public void An_input_kind_without_a_component_gets_the_unknown_field_notice_instead_of_an_error()
    {
        new FieldComponentRegistry().For("signature").ShouldBe(typeof(UnknownField));
        var field = Render<UnknownField>(p => p.Add(c => c.Model, Model("name")));
        field.Find(".notice").TextContent.ShouldContain("„text“");
    }

    [Fact]
    public void A_hidden_field_is_rendered_with_the_hidden_attribute_so_the_browser_rules_can_show_it()
    {
        var model = Model("telefon");
        var hidden = model with { State = model.State with { Visible = false } };
        Render<TextInput>(p => p.Add(c => c.Model, hidden)).Find("[data-path=telefon]").HasAttribute("hidden").ShouldBeTrue();
    }

    [Fact]
    public void Markdown_of_info_texts_is_encoded_and_only_safe_links_become_links()
    {
        var html = Sozialplattform.Web.Components.Layout.SafeMarkdown.ToHtml("**fett** <b>x</b>\n\n- [gut](https://example.org)\n- [böse](javascript:alert(1))");
        html.ShouldBe("<p><strong>fett</strong> &lt;b&gt;x&lt;/b&gt;</p><ul><li><a href=\"https://example.org\">gut</a></li><li>b&#246;se)</li></ul>", "the unsafe target is dropped; the text stays as text");
    }
}
