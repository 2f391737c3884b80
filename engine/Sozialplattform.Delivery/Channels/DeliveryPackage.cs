using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Sozialplattform.Delivery.Channels;

/// <summary>
/// Everything a channel needs for one delivery. <see cref="DeliveryId"/> is the outbox entry's id: the same
/// on every retry, so the receiver can recognise a repeat.
/// </summary>
public sealed record DeliveryPackage
{
    public required Guid DeliveryId { get; init; }
    public required Guid SubmissionId { get; init; }
    public required string ReferenceNumber { get; init; }
    public required DateTime SubmittedAt { get; init; }
    public required string FormId { get; init; }
    public required string FormVersion { get; init; }
    public required string FormTitle { get; init; }
    public string? LeikaKey { get; init; }
    public required string Language { get; init; }

    /// <summary>The answers as JSON (UTF-8 text exactly as stored).</summary>
    public required string AnswersJson { get; init; }

    /// <summary>The JSON Schema of the answers (exported by the engine), when known.</summary>
    public JsonObject? AnswersSchema { get; init; }

    /// <summary>The answers in the generic XML mapping (<see cref="Answers.AnswersXml"/>).</summary>
    public required XDocument AnswersXml { get; init; }

    /// <summary>The XSD of <see cref="AnswersXml"/>, generated from <see cref="AnswersSchema"/> when that is known.</summary>
    public XDocument? AnswersXsd { get; init; }

    public required DeliveryFile Pdf { get; init; }
    public IReadOnlyList<DeliveryFile> Attachments { get; init; } = [];
    public string? ApplicantEmail { get; init; }
    public required DeliveryAuthority Authority { get; init; }
    public required JsonObject ChannelOptions { get; init; }

    /// <summary>
    /// The applicant chose the receiver (a counselling centre from the finder, see <c>Routing.ChosenDestinations</c>): a
    /// contact request, not an application — worded so, and its subject names no topic.
    /// </summary>
    public bool ChosenByApplicant { get; init; }

    /// <summary>The file or customer number the answers name in the form's <c>caseFileField</c> (as typed), or null; the built-in inbox links the case by it.</summary>
    public string? CaseFileNumber { get; init; }
}

/// <summary>A file to send: the PDF or an uploaded document.</summary>
public sealed record DeliveryFile(Guid Id, string FileName, string MediaType, byte[] Content, string Sha256);

/// <summary>The receiving authority as configured.</summary>
public sealed record DeliveryAuthority(string TenantId, string Id, string Name, IReadOnlyList<string> Address, string? ContactEmail);
