namespace Sozialplattform.Engine.Tests.Reading;

/// <summary><c>prefill</c>: a known identity attribute that fits the field type, else a located definition error.</summary>
public class PrefillDefinitionTests
{
    private static string Form(string field) => $$"""
        { "id": "vorbelegt", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "Vorbelegt",
          "access": { "login": "beforeFilling" },
          "pages": [ { "id": "p", "title": "P", "items": [ {{field}} ] } ] }
        """;

    [Fact]
    public void A_known_attribute_is_read_with_its_editability()
    {
        var form = TestSupport.Form(Form("""{ "key": "nachname", "type": "text", "label": "Nachname", "prefill": "identity.family_name", "prefillEditable": false }""")).Definition;
        var field = (Sozialplattform.Engine.Definitions.FieldDefinition)form.Root.Find("nachname")!;
        (field.Prefill, field.PrefillEditable).ShouldBe(("identity.family_name", false));

        var address = (Sozialplattform.Engine.Definitions.FieldDefinition)TestSupport.Form(Form("""{ "key": "anschrift", "type": "address", "label": "Anschrift", "prefill": "identity.address" }""")).Definition.Root.Find("anschrift")!;
        (address.Prefill, address.PrefillEditable).ShouldBe(("identity.address", true));
    }

    [Theory]
    [InlineData("""{ "key": "x", "type": "text", "label": "X", "prefill": "identity.shoe_size" }""", "'prefill' is 'identity.shoe_size'; it must name an identity attribute")]
    [InlineData("""{ "key": "x", "type": "text", "label": "X", "prefill": "identity.address" }""", "'identity.address' fills only a field of type 'address'")]
    [InlineData("""{ "key": "x", "type": "address", "label": "X", "prefill": "identity.family_name" }""", "'identity.family_name' cannot fill a field of type 'address'")]
    public void An_unknown_or_unfitting_attribute_is_a_definition_error(string field, string message)
    {
        var result = TestSupport.LoadJson(Form(field));
        result.Success.ShouldBeFalse();
        var problem = result.Errors.Single();
        problem.Code.ShouldBe("prefill-unknown");
        problem.Message.ShouldContain(message);
    }

    [Fact]
    public void A_prefill_in_a_repeating_group_and_in_a_group_inside_its_row_is_read_for_the_first_row()
    {
        var form = TestSupport.Form(Form("""
            { "key": "personen", "type": "group", "title": "Personen", "repeat": { "min": 1, "max": 5 }, "items": [
              { "key": "vorname", "type": "text", "label": "Vorname", "prefill": "identity.given_name" },
              { "key": "kontakt", "type": "group", "title": "Kontakt", "items": [
                { "key": "anschrift", "type": "address", "label": "Anschrift", "prefill": "identity.address" } ] } ] }
            """)).Definition;

        form.AllFields().Where(f => f.Prefill is not null).Select(f => (f.PathTemplate, f.RepeatDepth))
            .ShouldBe([("personen[].vorname", 1), ("personen[].kontakt.anschrift", 1)]);
    }

    [Fact]
    public void A_prefill_in_a_repeating_group_inside_another_repeating_group_is_a_definition_error_that_says_where_prefill_works()
    {
        var result = TestSupport.LoadJson(Form("""
            { "key": "personen", "type": "group", "title": "Personen", "repeat": { "min": 1, "max": 5 }, "items": [
              { "key": "einkommen", "type": "group", "title": "Einkommen", "repeat": { "min": 0, "max": 5 }, "items": [
                { "key": "arbeitgeber", "type": "text", "label": "Arbeitgeber", "prefill": "identity.family_name" } ] } ] }
            """));

        result.Success.ShouldBeFalse();
        var problem = result.Errors.Single();
        problem.Code.ShouldBe("prefill-nested-repeat");
        problem.Message.ShouldStartWith("field 'personen[].einkommen[].arbeitgeber': 'prefill' is not possible in a repeating group inside another repeating group");
        problem.Message.ShouldContain("the first row of a repeating group (the applicant's row)");
    }

    [Fact]
    public void A_prefill_that_does_not_name_the_identity_is_a_schema_error() =>
        TestSupport.LoadJson(Form("""{ "key": "x", "type": "text", "label": "X", "prefill": "answers.name" }""")).Errors.ShouldContain(p => p.Code == "schema");
}
