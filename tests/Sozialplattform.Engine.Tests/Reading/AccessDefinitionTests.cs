using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Tests.Reading;

/// <summary><c>access.level</c> and <c>access.reauthenticate</c>: read as given, refused with a located problem when they cannot mean anything.</summary>
public class AccessDefinitionTests
{
    private static string Form(string access, string purpose = "application") => $$"""
        { "id": "zugang", "version": "1.0.0", "status": "draft", "purpose": "{{purpose}}", "languages": ["de"], "title": "Zugang",
          "access": {{access}},
          "pages": [ { "id": "p", "title": "P", "items": [ { "key": "name", "type": "text", "label": "Name" } ] } ] }
        """;

    [Fact]
    public void The_level_and_the_reauthentication_are_read_as_the_definition_says()
    {
        var form = TestSupport.Form(Form("""{ "login": "beforeFilling", "level": "substantial", "reauthenticate": true }""")).Definition;
        (form.Login, form.RequiredLevel, form.Reauthenticate).ShouldBe((LoginRequirement.BeforeFilling, TrustLevel.Substantial, true));

        var plain = TestSupport.Form(Form("""{ "login": "beforeSubmitting" }""")).Definition;
        (plain.RequiredLevel, plain.Reauthenticate).ShouldBe((null, false));
    }

    [Theory]
    [InlineData("""{ "level": "high" }""", "application")]
    [InlineData("""{ "login": "none", "reauthenticate": true }""", "application")]
    [InlineData("""{ "login": "beforeFilling", "level": "low" }""", "questionnaire")]
    public void A_level_or_reauthentication_without_a_login_is_a_definition_error(string access, string purpose)
    {
        var result = TestSupport.LoadJson(Form(access, purpose));
        result.Success.ShouldBeFalse();
        var problem = result.Errors.Single();
        problem.Code.ShouldBe("access-without-login");
        problem.Location.File.ShouldBe("test.json");
    }

    [Fact]
    public void An_unknown_level_is_a_schema_error_naming_the_property()
    {
        var result = TestSupport.LoadJson(Form("""{ "login": "beforeFilling", "level": "substantiell" }"""));
        result.Errors.ShouldContain(p => p.Code == "schema" && p.Location.JsonPath == "access.level");
    }
}
