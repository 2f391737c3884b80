using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.CaseApi;

/// <summary>One page of new and changed cases; <see cref="Next"/> is the cursor of the next page (null: nothing more now — ask again later with the last cursor or <c>since</c>).</summary>
public sealed record CaseListDto(IReadOnlyList<CaseSummaryDto> Cases, string? Next);

public sealed record CaseSummaryDto(Guid Id, string Reference, FormDto Form, [property: JsonConverter(typeof(JsonStringEnumConverter<SubmissionStatus>))] SubmissionStatus Status,
    DateTime ReceivedAt, DateTime ChangedAt, DateTime? AcknowledgedAt, bool New, string Href)
{
    public static CaseSummaryDto From(CaseFeedItem item) => new(item.SubmissionId, item.ReferenceNumber, new FormDto(item.FormId, item.FormVersion, item.FormTitle), item.Status,
        item.ReceivedAt, item.ChangedAt, item.AcknowledgedAt, item.IsNew, CaseApiRoutes.Case(item.SubmissionId));
}

public sealed record FormDto(string Id, string Version, string Title);

/// <summary>A case with its answers (as the applicant submitted them, cleaned by the form's rules), documents, messages both ways and status history.</summary>
public sealed record CaseDto(Guid Id, string Reference, FormDto Form, string Language,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SubmissionStatus>))] SubmissionStatus Status,
    DateTime SubmittedAt, DateTime ReceivedAt, JsonNode? Answers, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<MessageDto> Messages, IReadOnlyList<StatusStepDto> History)
{
    public static CaseDto From(InboxDetail detail)
    {
        var submission = detail.Submission;
        var documents = detail.Files.Concat(detail.Messages.SelectMany(m => m.Files)).Select(f => DocumentDto.From(submission.Id, f)).ToList();
        return new CaseDto(submission.Id, submission.ReferenceNumber, new FormDto(submission.FormId, submission.FormVersion, submission.FormTitle), submission.Language, submission.Status,
            submission.CreatedAt, detail.ReceivedAt, JsonNode.Parse(detail.AnswersJson), documents,
            detail.Messages.Select(MessageDto.Of).ToList(),
            detail.History.Select(h => new StatusStepDto(h.Status, h.At, h.Message)).ToList());
    }
}

/// <summary>A document: <c>form</c> (the submission's PDF), <c>attachment</c>, <c>hand-in</c> (handed in later), <c>decision</c>.</summary>
public sealed record DocumentDto(Guid Id, string Kind, string? Question, string FileName, string MediaType, long Size, string Sha256, Guid? MessageId, string Href)
{
    public static DocumentDto From(Guid caseId, InboxFile file) => new(file.Id, KindOf(file.Purpose), string.IsNullOrEmpty(file.FieldPath) ? null : file.FieldPath, file.FileName, file.MediaType,
        file.Size, file.Sha256, file.MessageId, CaseApiRoutes.Document(caseId, file.Id));

    private static string KindOf(AttachmentPurpose purpose) => purpose switch
    {
        AttachmentPurpose.Form => "form",
        AttachmentPurpose.HandIn => "hand-in",
        AttachmentPurpose.Decision => "decision",
        _ => "attachment",
    };
}

/// <summary>A message of the case: <c>message</c> or <c>decision</c> of the authority, <c>hand-in</c> of the applicant, <c>forwarded</c>.</summary>
public sealed record MessageDto(Guid Id, string Kind, string Sender, string? Text, string? ReceiptNumber, DateTime At, DateTime? FirstOpenedAt, IReadOnlyList<Guid> DocumentIds)
{
    public static MessageDto Of(CaseMessageView message) => new(message.Id, message.Kind switch
    {
        CaseMessageKind.HandIn => "hand-in",
        CaseMessageKind.Decision => "decision",
        CaseMessageKind.Forwarded => "forwarded",
        _ => "message",
    }, message.Actor, message.Text, message.ReceiptNumber, message.At, message.FirstOpenedAt, message.Files.Select(f => f.Id).ToList());
}

public sealed record StatusStepDto([property: JsonConverter(typeof(JsonStringEnumConverter<SubmissionStatus>))] SubmissionStatus Status, DateTime At, string? Message);

public sealed record AcknowledgementDto(Guid Id, DateTime AcknowledgedAt);

/// <summary>A new status the applicant sees on the status page; <c>DocumentsRequested</c> and <c>Decided</c> need a message.</summary>
public sealed record StatusChangeDto(string Status, string? Message);

public sealed record StatusDto(Guid Id, [property: JsonConverter(typeof(JsonStringEnumConverter<SubmissionStatus>))] SubmissionStatus Status);

/// <summary>A message to the applicant (at most 4,000 characters).</summary>
public sealed record MessageInputDto(string? Text);

public sealed record SentDto(Guid Id, Guid MessageId);
