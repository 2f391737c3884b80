using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Documents;

/// <summary>One line of a case's timeline: what happened (a text key and its argument), when, by whom, with its text and files.</summary>
public sealed record TimelineEntry(DateTime At, string Kind, string? Argument, string? Who, string? Text, IReadOnlyList<InboxFile> Files, DateTime? FirstOpenedAt);

/// <summary>
/// The case's history in one list, newest first: the submission, status changes, later hand-ins, messages and decisions
/// both ways, notes — each with who and when (<c>timeline.&lt;Kind&gt;</c> names it in the inbox's texts).
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(InboxDetail detail)
    {
        var entries = new List<TimelineEntry>();
        entries.AddRange(detail.History.Select(s => new TimelineEntry(s.At, "status", "status." + s.Status, null, s.Message, [], null)));
        entries.AddRange(detail.Messages.Select(m => new TimelineEntry(m.At, m.Kind.ToString(), m.ReceiptNumber, m.Kind == CaseMessageKind.HandIn ? null : m.Actor, m.Text, m.Files, m.FirstOpenedAt)));
        entries.AddRange(detail.Notes.Select(n => new TimelineEntry(n.At, "note", null, n.AuthorName, n.Text, [], null)));
        return entries.OrderByDescending(e => e.At).ToList();
    }
}
