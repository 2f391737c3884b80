using NJsonSchema;

namespace Sozialplattform.Engine.Tests.Schema;

/// <summary>The exported JSON Schema of a form's answers: approved once per sample, and satisfied by every valid submission.</summary>
public class AnswerSchemaTests
{
    public static TheoryData<string> SampleIds() => Samples.SampleTests.SampleIds();

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void The_answer_schema_of_the_sample_matches_its_approved_file(string id)
    {
        var schema = TestSupport.LoadSample(id).ExportJsonSchema();
        schema["description"] = "(content hash omitted in the approved file)";
        Approvals.Verify(schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), $"Schema/Approved/{id}.schema.json");
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public async Task The_cleaned_valid_answers_satisfy_the_exported_schema(string id)
    {
        var engine = TestSupport.LoadSample(id);
        var answers = TestSupport.Answers(File.ReadAllText(Path.Combine(TestSupport.Samples, "forms", id, "1.0.0", "answers", "valid.json")));
        var schemaJson = engine.ExportJsonSchema();
        schemaJson["$schema"] = "http://json-schema.org/draft-07/schema#";
        var schema = await JsonSchema.FromJsonAsync(schemaJson.ToJsonString());

        schema.Validate(engine.Validate(answers).CleanAnswers.ToJsonString()).Select(e => e.ToString()).ShouldBeEmpty();
    }
}
