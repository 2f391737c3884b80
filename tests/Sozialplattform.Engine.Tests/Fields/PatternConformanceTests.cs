using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Tests.Fields;

/// <summary>tests/Conformance/patterns.json on the server: a text field's pattern is a full match, as the exported JSON Schema says.</summary>
public sealed class PatternConformanceTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.RepositoryRoot, "tests", "Conformance", "patterns.json")))!;
        foreach (var item in file["cases"]!.AsArray())
            data.Add(item!["pattern"]!.GetValue<string>(), item["value"]!.GetValue<string>(), item["matches"]!.GetValue<bool>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_server_and_the_exported_schema_agree_on_every_pattern_case(string pattern, string value, bool matches)
    {
        var engine = TestSupport.Form(TestSupport.FormWith($$"""[ { "key": "t", "type": "text", "label": "T", "pattern": {{System.Text.Json.JsonSerializer.Serialize(pattern)}} } ]"""));
        var answers = new JsonObject { ["t"] = value };

        var errors = value.Length == 0 ? [] : engine.Validate(answers).Errors.Where(e => e.Code == "pattern").ToList();
        (errors.Count == 0).ShouldBe(matches, $"server: '{value}' against '{pattern}'");

        var schemaPattern = engine.ExportJsonSchema()["properties"]!["t"]!["pattern"]!.GetValue<string>();
        schemaPattern.ShouldBe($"^(?:{pattern})$");
        System.Text.RegularExpressions.Regex.IsMatch(value, schemaPattern.Replace("$", "\\z"), System.Text.RegularExpressions.RegexOptions.ECMAScript | System.Text.RegularExpressions.RegexOptions.CultureInvariant)
            .ShouldBe(matches, $"schema: '{value}' against '{schemaPattern}'");
    }
}
