namespace Sozialplattform.Engine.Tests.Reading;

/// <summary><c>caseFileField</c>: the answer path of the field that carries the file or customer number; read as given, refused when it names no text field outside repeating groups.</summary>
public class CaseFileFieldDefinitionTests
{
    private static string Form(string caseFileField) => $$"""
        { "id": "akte", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "Akte",
          "caseFileField": "{{caseFileField}}",
          "pages": [ { "id": "p", "title": "P", "items": [
            { "key": "jobcenter", "type": "group", "title": "Jobcenter", "items": [
              { "key": "bgNummer", "type": "text", "label": "BG-Nummer" },
              { "key": "seit", "type": "date", "label": "Seit" } ] },
            { "key": "kinder", "type": "group", "title": "Kinder", "repeat": { "min": 0, "max": 5 }, "items": [
              { "key": "nummer", "type": "text", "label": "Nummer" } ] } ] } ] }
        """;

    [Fact]
    public void The_declared_field_path_is_read_as_the_definition_says()
    {
        TestSupport.Form(Form("jobcenter.bgNummer")).Definition.CaseFileField.ShouldBe("jobcenter.bgNummer");
    }

    [Theory]
    [InlineData("jobcenter.fehlt")]
    [InlineData("jobcenter.seit")]
    [InlineData("jobcenter")]
    [InlineData("kinder.nummer")]
    public void A_path_that_is_no_text_field_outside_repeating_groups_is_a_definition_error(string path)
    {
        var result = TestSupport.LoadJson(Form(path));
        result.Success.ShouldBeFalse();
        result.Errors.ShouldContain(p => p.Code == "case-file-field" && p.Message.Contains(path));
    }
}
