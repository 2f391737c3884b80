namespace Sozialplattform.Engine.Tests.Fields;

/// <summary>How much a browser may post per field type: what the portal refuses before storing a draft.</summary>
public sealed class InputLimitTests
{
    [Theory]
    [InlineData("""{ "key": "f", "type": "text", "label": "F", "maxLength": 60 }""", 60, 1)]
    [InlineData("""{ "key": "f", "type": "text", "label": "F" }""", 1000, 1)]
    [InlineData("""{ "key": "f", "type": "textarea", "label": "F" }""", 10000, 1)]
    [InlineData("""{ "key": "f", "type": "iban", "label": "F" }""", 68, 1)]
    [InlineData("""{ "key": "f", "type": "postalCode", "label": "F" }""", 10, 1)]
    [InlineData("""{ "key": "f", "type": "integer", "label": "F" }""", 100, 1)]
    [InlineData("""{ "key": "f", "type": "multiChoice", "label": "F", "options": [ { "code": "a", "label": "A" }, { "code": "b", "label": "B" } ] }""", 100, 2)]
    public void Each_field_type_takes_at_most_its_own_length_and_number_of_values(string item, int maxLength, int maxValues)
    {
        var engine = TestSupport.Form(TestSupport.FormWith($"[ {item} ]"));
        var field = engine.Definition.AllFields().Single();
        field.Type.InputLimit(field).ShouldBe(new Sozialplattform.Engine.Fields.InputLimit(maxLength, maxValues));
    }
}
