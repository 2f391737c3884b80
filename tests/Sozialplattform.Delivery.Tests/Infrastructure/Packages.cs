using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Answers;
using Sozialplattform.Delivery.Channels;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>Delivery packages for channel tests, without a database.</summary>
public static class Packages
{
    public static readonly JsonObject AnswersSchema = (JsonObject)JsonNode.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["antragsteller", "lebtAllein"],
          "additionalProperties": false,
          "properties": {
            "antragsteller": { "type": "object", "required": ["vorname", "nachname"], "additionalProperties": false,
              "properties": { "vorname": { "type": "string" }, "nachname": { "type": "string" }, "geburtsdatum": { "type": "string", "format": "date" } } },
            "lebtAllein": { "type": "boolean" },
            "mitglieder": { "type": "array", "items": { "type": "object", "additionalProperties": false,
              "properties": { "vorname": { "type": "string" }, "geburtsdatum": { "type": "string", "format": "date" } } } },
            "miete": { "type": "object", "additionalProperties": false, "properties": { "kaltmiete": { "type": "number" }, "nebenkosten": { "type": "number" } } }
          }
        }
        """)!;

    public static DeliveryPackage Sample(JsonObject channelOptions, string? leikaKey = "99107015017000", string answersJson = Samples.AnswersJson)
    {
        var deliveryId = Guid.CreateVersion7();
        var upload = Encoding.UTF8.GetBytes("Mietvertrag, Seite 1");
        return new DeliveryPackage
        {
            DeliveryId = deliveryId,
            SubmissionId = Guid.CreateVersion7(),
            ReferenceNumber = "SP-2026-7K3M-Q9TD",
            SubmittedAt = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
            FormId = "buergergeld",
            FormVersion = "1.0.0",
            FormTitle = "Antrag auf Bürgergeld",
            LeikaKey = leikaKey,
            Language = "de",
            AnswersJson = answersJson,
            AnswersSchema = AnswersSchema,
            AnswersXml = AnswersXml.FromJson(answersJson, "buergergeld", "1.0.0", "SP-2026-7K3M-Q9TD", JsonSerializer.SerializeToElement(AnswersSchema)),
            AnswersXsd = AnswersXsd.FromJsonSchema(JsonSerializer.SerializeToElement(AnswersSchema), "buergergeld", "1.0.0"),
            Pdf = new DeliveryFile(Guid.NewGuid(), "SP-2026-7K3M-Q9TD.pdf", "application/pdf", Samples.MinimalPdf, Sha256(Samples.MinimalPdf)),
            Attachments = [new DeliveryFile(Guid.NewGuid(), "mietvertrag.txt", "text/plain", upload, Sha256(upload))],
            ApplicantEmail = "ayse.yilmaz@example.org",
            Authority = new DeliveryAuthority("nrw", "jobcenter-kreis-borken", "Jobcenter Kreis Borken", ["Jobcenter Kreis Borken", "Borken"], "jobcenter@kreis-borken.example"),
            ChannelOptions = channelOptions,
        };
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
