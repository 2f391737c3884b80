using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Documents;

/// <summary>What an uploaded file answers: the question (the field's label) and the rows it sits in ("Person 2 › Einkommen 1").</summary>
public sealed record AttachmentDescription(InboxFile File, string Question, string? Row)
{
    /// <summary>Only what a browser shows safely by itself: PDFs and raster images (never SVG or HTML).</summary>
    public static bool CanPreview(string mediaType) => mediaType is "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    public bool IsImage => File.MediaType.StartsWith("image/", StringComparison.Ordinal) && CanPreview(File.MediaType);
}

public static class AttachmentDescriptions
{
    /// <summary>
    /// Each uploaded file with its question and row from the submission document. Without a document (the form
    /// version is gone) the question is the field's answer path, which still tells the files apart.
    /// </summary>
    public static IReadOnlyList<AttachmentDescription> Describe(IEnumerable<InboxFile> files, SubmissionDocument? document)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is not null)
            foreach (var section in document.Sections) CollectRows(section.Content, rows);
        var questions = document?.Attachments.GroupBy(a => a.Path).ToDictionary(g => g.Key, g => g.First().FieldLabel, StringComparer.Ordinal)
                        ?? new Dictionary<string, string>(StringComparer.Ordinal);
        return files.Select(file =>
        {
            var path = file.FieldPath ?? "";
            var question = questions.GetValueOrDefault(path) ?? path;
            var rowTitles = RowPaths(path).Select(p => rows.GetValueOrDefault(p)).OfType<string>().ToList();
            return new AttachmentDescription(file, question, rowTitles.Count == 0 ? null : string.Join(" › ", rowTitles));
        }).ToList();
    }

    /// <summary>The paths of the rows an answer path lies in: <c>a[0].b[1].c</c> → <c>a[0]</c>, <c>a[0].b[1]</c>.</summary>
    private static IEnumerable<string> RowPaths(string path)
    {
        for (var end = path.IndexOf(']'); end >= 0; end = path.IndexOf(']', end + 1)) yield return path[..(end + 1)];
    }

    private static void CollectRows(IEnumerable<DocumentNode> nodes, Dictionary<string, string> rows)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case DocumentGroup group:
                    CollectRows(group.Content, rows);
                    break;
                case DocumentRepeat repeat:
                    foreach (var row in repeat.Rows)
                    {
                        rows[row.Path] = row.Title;
                        CollectRows(row.Content, rows);
                    }

                    break;
            }
        }
    }
}
