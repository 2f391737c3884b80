using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Answers;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>Turns a stored, decrypted delivery into the <see cref="DeliveryPackage"/> channels receive.</summary>
public sealed class DeliveryPackageBuilder(IAnswersSchemaSource schemas)
{
    public async Task<DeliveryPackage> BuildAsync(StoredDelivery stored, Authority authority, CancellationToken cancellationToken)
    {
        var submission = stored.Submission;
        var schema = await schemas.GetAsync(submission.FormId, submission.FormVersion, submission.ContentHash, cancellationToken);
        JsonElement? schemaElement = schema is null ? null : JsonSerializer.SerializeToElement(schema);
        var pdf = stored.Files.FirstOrDefault(f => f.Purpose == AttachmentPurpose.Form)
            ?? throw new InvalidOperationException($"Submission {submission.ReferenceNumber} has no PDF; it is stored at acceptance.");
        return new DeliveryPackage
        {
            DeliveryId = stored.Entry.Id,
            SubmissionId = submission.Id,
            ReferenceNumber = submission.ReferenceNumber,
            SubmittedAt = submission.CreatedAt,
            FormId = submission.FormId,
            FormVersion = submission.FormVersion,
            FormTitle = submission.FormTitle,
            LeikaKey = submission.LeikaKey,
            Language = submission.Language,
            AnswersJson = stored.AnswersJson,
            AnswersSchema = schema,
            AnswersXml = AnswersXml.FromJson(stored.AnswersJson, submission.FormId, submission.FormVersion, submission.ReferenceNumber, schemaElement),
            AnswersXsd = schemaElement is { } s ? AnswersXsd.FromJsonSchema(s, submission.FormId, submission.FormVersion) : null,
            Pdf = File(pdf),
            Attachments = stored.Files.Where(f => f.Purpose == AttachmentPurpose.Attachment).Select(File).ToList(),
            ApplicantEmail = stored.ApplicantEmail,
            Authority = new DeliveryAuthority(authority.TenantId, authority.Id, authority.Name, authority.Address.Split('\n'), authority.ContactEmail),
            ChannelOptions = JsonNode.Parse(authority.ChannelOptionsJson) as JsonObject ?? [],
            CaseFileNumber = AnswerAt(stored.AnswersJson, schemas.CaseFileField(submission.FormId, submission.FormVersion)),
        };
    }

    /// <summary>The text answer at a dotted path outside repeating groups (<c>jobcenter.bgNummer</c>), or null.</summary>
    internal static string? AnswerAt(string answersJson, string? path)
    {
        if (path is null) return null;
        JsonNode? node = JsonNode.Parse(answersJson);
        foreach (var key in path.Split('.')) node = node is JsonObject group ? group[key] : null;
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static DeliveryFile File(StoredFile file) => new(file.Id, file.FileName, file.MediaType, file.Content, file.Sha256);
}
