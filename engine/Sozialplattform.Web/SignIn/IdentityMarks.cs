using System.Text.Json;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// Marks the answers that came from the citizen's account in a <see cref="SubmissionDocument"/> — the PDF for the
/// authority, the applicant's PDF copy, the summary and the inbox's detail page read the same document — with a note
/// "Aus dem Nutzerkonto übernommen (Vertrauensniveau „substantiell“)" in the reader's language.
/// </summary>
public static class IdentityMarks
{
    public static SubmissionDocument Mark(SubmissionDocument document, IReadOnlyDictionary<string, string> prefilled, ChromeTexts texts, string lang)
    {
        if (prefilled.Count == 0) return document;
        string? NoteFor(string path) => prefilled.TryGetValue(path, out var level)
            ? texts.Get(lang, "document.fromAccount", texts.Get(lang, "level." + level.ToLowerInvariant()))
            : null;
        return document with { Sections = document.Sections.Select(s => s with { Content = Mark(s.Content, NoteFor) }).ToList() };
    }

    /// <summary>The stored form of the marks (<c>Submission.PrefilledJson</c>): answer path → level; unreadable or empty → none.</summary>
    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return new Dictionary<string, string>();
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static IReadOnlyList<DocumentNode> Mark(IReadOnlyList<DocumentNode> nodes, Func<string, string?> noteFor) =>
        nodes.Select(node => node switch
        {
            DocumentField field when noteFor(field.Path) is { } note => field with { Note = note },
            DocumentGroup group => group with { Content = Mark(group.Content, noteFor) },
            DocumentRepeat repeat => repeat with { Rows = repeat.Rows.Select(r => r with { Content = Mark(r.Content, noteFor) }).ToList() },
            _ => node,
        }).ToList();
}
