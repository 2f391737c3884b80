using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// What the inbox list is narrowed to. Times are UTC instants (the page turns local dates into them);
/// <see cref="FollowUpDueBy"/> keeps only submissions with an open follow-up due on or before that day;
/// <see cref="Search"/> is a reference number or file number (or part of one) or whole name words (<see cref="InboxSearch"/>);
/// <see cref="FileNumber"/> keeps the cases of one case file of the authority (exactly that file number);
/// <see cref="TeamMemberId"/> keeps the cases assigned to a team that account belongs to ("mein Team").
/// </summary>
public sealed record InboxFilter(
    SubmissionStatus? Status = null,
    string? FormId = null,
    string? Search = null,
    DateTime? ReceivedFrom = null,
    DateTime? ReceivedBefore = null,
    DateOnly? FollowUpDueBy = null,
    int Skip = 0,
    int Take = 50,
    InboxSort Sort = InboxSort.Newest,
    Guid? AssigneeId = null,
    bool OnlyNew = false,
    string? FileNumber = null,
    Guid? TeamMemberId = null);

/// <summary>The list's orders: newest received first (default), oldest first, by reference, by status, by the applicant's latest activity.</summary>
public enum InboxSort { Newest, Oldest, Reference, Status, Activity }

/// <summary>One page of the list; <see cref="Total"/> counts every case the filter matches.</summary>
public sealed record InboxListPage(IReadOnlyList<InboxListItem> Items, bool More, int Total = 0);

/// <summary>
/// A row of the list; <see cref="IsNew"/>: nobody of the authority has opened the case since the applicant last added to
/// it; <see cref="ForwardedTo"/>: a read-only stub of a case the authority passed on (the name of the new authority);
/// <see cref="ChecksDone"/>: how many items of the service's checklist are ticked; <see cref="FileNumber"/>: the case file's number.
/// </summary>
public sealed record InboxListItem(Guid SubmissionId, string ReferenceNumber, string FormId, string FormTitle, SubmissionStatus Status, DateTime ReceivedAt, string? ApplicantName, DateOnly? NextFollowUp,
    bool IsNew = false, string? Assignee = null, string? ForwardedTo = null, string FormVersion = "", int ChecksDone = 0, string? FileNumber = null, string? Team = null);

public sealed record InboxForm(string FormId, string FormTitle);

public sealed record InboxDetail(
    Submission Submission,
    string AnswersJson,
    string? ApplicantName,
    bool ApplicantHasEmail,
    DateTime ReceivedAt,
    IReadOnlyList<InboxFile> Files,
    IReadOnlyList<InboxNote> Notes,
    IReadOnlyList<InboxFollowUp> FollowUps,
    IReadOnlyList<StatusStep> History,
    IReadOnlyList<CaseMessageView> Messages,
    Guid? AssigneeId,
    string? AssigneeName,
    DateTime? LastOpenedAt);

public sealed record InboxFile(Guid Id, AttachmentPurpose Purpose, string? FieldPath, string FileName, string MediaType, long Size, string Sha256, Guid? MessageId = null);

public sealed record InboxFileContent(string FileName, string MediaType, byte[] Content);

public sealed record InboxNote(Guid AuthorId, string AuthorName, DateTime At, string Text);

public sealed record InboxFollowUp(Guid Id, DateOnly DueOn, string Reason, DateTime? DoneAt);

/// <summary>One line of the deadline list: an open follow-up with the submission it belongs to.</summary>
public sealed record DueFollowUp(Guid Id, Guid SubmissionId, string ReferenceNumber, string FormTitle, string? ApplicantName, DateOnly DueOn, string Reason);

/// <summary>The data of a submission for an export: the stored (cleaned) answers and what names them.</summary>
public sealed record InboxExport(Guid SubmissionId, string ReferenceNumber, string FormId, string FormVersion, string ContentHash, string AnswersJson);
