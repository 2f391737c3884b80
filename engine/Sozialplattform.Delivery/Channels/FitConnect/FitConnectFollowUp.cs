using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>
/// A hand-in sent over FIT-Connect as a new submission: its data (JSON, <see cref="Schema"/>) names the hand-in's receipt
/// number, the applicant's message, the files and — the reference — the first submission's sender reference, FIT-Connect
/// submission id and case id (read from that delivery's receipt).
/// </summary>
public static partial class FitConnectFollowUp
{
    public const string SchemaUri = "urn:sozialplattform:fit-connect:nachreichung:1.0.0";

    /// <summary>The JSON Schema of the follow-up's data, for receivers to register beside the forms' schemas.</summary>
    public static JsonObject Schema => (JsonObject)JsonNode.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "urn:sozialplattform:fit-connect:nachreichung:1.0.0",
          "title": "Nachreichung zu einem Antrag",
          "type": "object",
          "required": ["referenceNumber", "receiptNumber", "handedInAt", "firstSubmission", "attachments"],
          "additionalProperties": false,
          "properties": {
            "referenceNumber": { "type": "string", "minLength": 1 },
            "receiptNumber": { "type": "string", "minLength": 1 },
            "handedInAt": { "type": "string", "format": "date-time" },
            "message": { "type": "string", "maxLength": 4000 },
            "firstSubmission": { "type": "object", "required": ["senderReference"], "additionalProperties": false,
              "properties": { "senderReference": { "type": "string" }, "submissionId": { "type": "string", "format": "uuid" }, "caseId": { "type": "string", "format": "uuid" } } },
            "attachments": { "type": "array", "items": { "type": "object", "required": ["attachmentId", "filename", "mimeType", "sha256"], "additionalProperties": false,
              "properties": { "attachmentId": { "type": "string", "format": "uuid" }, "filename": { "type": "string" }, "mimeType": { "type": "string" }, "sha256": { "type": "string", "pattern": "^[a-f0-9]{64}$" } } } }
          }
        }
        """)!;

    /// <summary>Stable across retries and distinct from the submission's own: the receipt number and this delivery's id.</summary>
    public static string SenderReference(FollowUpPackage package) => $"{package.ReceiptNumber}/{package.DeliveryId}";

    public static JsonObject Data(FollowUpPackage package, IReadOnlyList<(Guid Id, DeliveryFile File, string Purpose)> files)
    {
        var (submissionId, caseId) = ParseReceipt(package.OriginalReceipt);
        var first = new JsonObject { ["senderReference"] = $"{package.ReferenceNumber}/{package.OriginalDeliveryId}" };
        if (submissionId is not null) first["submissionId"] = submissionId;
        if (caseId is not null) first["caseId"] = caseId;
        var data = new JsonObject
        {
            ["referenceNumber"] = package.ReferenceNumber,
            ["receiptNumber"] = package.ReceiptNumber,
            ["handedInAt"] = package.HandedInAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["firstSubmission"] = first,
            ["attachments"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject
            {
                ["attachmentId"] = f.Id.ToString(), ["filename"] = f.File.FileName, ["mimeType"] = f.File.MediaType, ["sha256"] = f.File.Sha256,
            }).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(package.Message)) data["message"] = package.Message;
        return data;
    }

    /// <summary>What a delivery over FIT-Connect records as its receipt (shown to operators, read back for follow-ups).</summary>
    public static string Receipt(string submissionId, string? caseId) => $"FIT-Connect submission {submissionId}, case {caseId}";

    /// <summary>Submission and case id from <see cref="Receipt"/>; nulls for anything else.</summary>
    public static (string? SubmissionId, string? CaseId) ParseReceipt(string? receipt)
    {
        var match = receipt is null ? Match.Empty : ReceiptPattern().Match(receipt);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null) : (null, null);
    }

    [GeneratedRegex(@"^FIT-Connect submission ([0-9a-fA-F-]{36}), case ([0-9a-fA-F-]{36})?")]
    private static partial Regex ReceiptPattern();
}
