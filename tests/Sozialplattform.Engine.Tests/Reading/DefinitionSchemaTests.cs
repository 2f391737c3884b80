using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Sozialplattform.Engine.Tests.Reading;

/// <summary>The definition schemas: every keyword they use is enforced by the loader, and real definitions satisfy a full JSON Schema validator too.</summary>
public class DefinitionSchemaTests
{
    private static readonly HashSet<string> Enforced =
        ["type", "$ref", "properties", "required", "additionalProperties", "items", "enum", "pattern", "minimum", "maximum",
         "minLength", "maxLength", "minItems", "uniqueItems", "minProperties", "propertyNames"];

    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "definitions", "format", "examples", "default"];

    [Theory]
    [InlineData("form-definition.schema.json")]
    [InlineData("block.schema.json")]
    [InlineData("code-list.schema.json")]
    [InlineData("catalog.schema.json")]
    public void Every_keyword_of_the_schema_is_enforced_by_the_loader(string name)
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(TestSupport.RepositoryRoot, "schemas", name)));
        Keywords(schema).Where(k => !Annotations.Contains(k)).ShouldAllBe(k => Enforced.Contains(k));
    }

    [Fact]
    public async Task Every_sample_and_catalog_form_also_satisfies_a_full_json_schema_validator()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestSupport.RepositoryRoot, "schemas", "form-definition.schema.json"));
        var forms = Directory.GetFiles(TestSupport.Samples, "form.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(TestSupport.RepositoryRoot, "forms-catalog"), "form.json", SearchOption.AllDirectories));
        foreach (var form in forms)
            schema.Validate(File.ReadAllText(form)).Select(e => $"{form}: {e}").ShouldBeEmpty();
    }

    private static IEnumerable<string> Keywords(JObject schema)
    {
        foreach (var property in schema.Properties())
        {
            yield return property.Name;
            IEnumerable<JToken> children = property.Name switch
            {
                "properties" or "definitions" => ((JObject)property.Value).Properties().Select(p => p.Value),
                "items" or "additionalProperties" or "propertyNames" => [property.Value],
                _ => [],
            };
            foreach (var child in children.OfType<JObject>())
            foreach (var keyword in Keywords(child))
                yield return keyword;
        }
    }
}
