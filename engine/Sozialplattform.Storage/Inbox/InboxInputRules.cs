using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// What a caseworker's input must satisfy, as codes (the pages turn them into text; the storage refuses the same
/// input with an <see cref="ArgumentException"/>), so the rule exists once.
/// </summary>
public static class InboxInputRules
{
    public const int MessageMaxLength = 2000;
    public const int NoteMaxLength = 4000;
    public const int ReasonMaxLength = 200;

    /// <summary>Statuses whose change must tell the applicant something: which documents, what was decided.</summary>
    public static bool NeedsMessage(SubmissionStatus status) => status is SubmissionStatus.DocumentsRequested or SubmissionStatus.Decided;

    public static string? StatusProblem(SubmissionStatus status, string? message) =>
        NeedsMessage(status) && string.IsNullOrWhiteSpace(message) ? "message-required"
        : message?.Length > MessageMaxLength ? "message-too-long"
        : null;

    public static string? NoteProblem(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "note-required" : text.Length > NoteMaxLength ? "note-too-long" : null;

    public static string? FollowUpProblem(DateOnly? dueOn, string? reason) =>
        dueOn is null ? "date-required"
        : string.IsNullOrWhiteSpace(reason) ? "reason-required"
        : reason.Length > ReasonMaxLength ? "reason-too-long"
        : null;

    internal static void Require(string? problem, string parameter)
    {
        if (problem is not null) throw new ArgumentException($"Refused input: {problem}.", parameter);
    }
}
