using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using Sozialplattform.Delivery.Answers;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Engine;

namespace Sozialplattform.Delivery.Tests.Answers;

public sealed class AnswersXmlTests
{
    public static TheoryData<string> Samples() => new(Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "samples", "forms")).Select(Path.GetFileName).Order()!);

    [Fact]
    public void Keys_become_elements_groups_nest_and_repeating_groups_repeat()
    {
        var xml = AnswersXml.FromJson(Infrastructure.Samples.AnswersJson, "buergergeld", "1.0.0", "SP-2026-7K3M-Q9TD");
        XNamespace ns = "urn:sozialplattform:antrag:buergergeld:1.0.0";

        xml.Root!.Attribute("referenceNumber")!.Value.ShouldBe("SP-2026-7K3M-Q9TD");
        xml.Root.Element(ns + "antragsteller")!.Element(ns + "nachname")!.Value.ShouldBe("Yılmaz");
        xml.Root.Elements(ns + "mitglieder").Select(m => m.Element(ns + "vorname")!.Value).ShouldBe(["Emre", "Elif"]);
        xml.Root.Element(ns + "lebtAllein")!.Value.ShouldBe("false");
        xml.Root.Element(ns + "miete")!.Element(ns + "kaltmiete")!.Value.ShouldBe("520.5");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_XML_of_every_samples_valid_answers_validates_against_the_XSD_generated_from_the_engines_JSON_Schema(string sample)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "forms", sample, "1.0.0");
        var loaded = FormEngine.Load(Path.Combine(folder, "form.json"));
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        var answers = File.ReadAllText(Path.Combine(folder, "answers", "valid.json"));
        loaded.Engine!.Validate((JsonObject)JsonNode.Parse(answers)!).Errors.ShouldBeEmpty();
        var schema = JsonSerializer.SerializeToElement(loaded.Engine.ExportJsonSchema());

        var xml = AnswersXml.FromJson(answers, sample, "1.0.0", "SP-2026-0000-0000", schema);
        var xsd = AnswersXsd.FromJsonSchema(schema, sample, "1.0.0");

        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(xsd.CreateReader(), null)!);
        var errors = new List<string>();
        xml.Validate(set, (_, e) => errors.Add(e.Message));
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void An_answer_that_breaks_the_structure_fails_the_generated_XSD()
    {
        var schema = JsonSerializer.SerializeToElement(Packages.AnswersSchema);
        var xml = AnswersXml.FromJson("""{"antragsteller":{"vorname":"A"},"lebtAllein":"vielleicht"}""", "buergergeld", "1.0.0", null, schema);
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(AnswersXsd.FromJsonSchema(schema, "buergergeld", "1.0.0").CreateReader(), null)!);
        var errors = new List<string>();
        xml.Validate(set, (_, e) => errors.Add(e.Message));
        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.Contains("nachname", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("lebtAllein", StringComparison.Ordinal) && e.Contains("Boolean", StringComparison.Ordinal));
    }
}
