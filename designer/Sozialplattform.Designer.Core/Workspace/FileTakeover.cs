using Sozialplattform.Designer.Accounts;

namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Moves what a designer kept in files (<c>authors.json</c>, <c>drafts/&lt;id&gt;/</c>) into the shared stores: every
/// author and draft the stores do not have yet is added, then the file and folder are renamed with the time of the
/// take-over (<c>authors.json.imported-…</c>, <c>drafts.imported-…</c>), so it happens once and nothing is lost.
/// A later <c>sozial author add</c> writes a new <c>authors.json</c>, taken over at the next start.
/// </summary>
public static class FileTakeover
{
    public sealed record Report(int Authors, int Drafts);

    public static Report Run(string dataDirectory, IAuthorStore authors, IFormStore forms, DateTimeOffset now)
    {
        var suffix = ".imported-" + now.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var authorFile = Path.Combine(dataDirectory, "authors.json");
        var takenAuthors = 0;
        if (File.Exists(authorFile))
        {
            takenAuthors = new FileAuthorStore(authorFile).All().Count(authors.TryAdd);
            File.Move(authorFile, authorFile + suffix, overwrite: true);
        }

        var draftFolder = Path.Combine(dataDirectory, "drafts");
        var takenDrafts = 0;
        if (Directory.Exists(draftFolder))
        {
            var files = new FileFormStore(Path.Combine(dataDirectory, "no-catalog"), draftFolder);
            takenDrafts = files.DraftIds().ToList().Select(files.ReadDraft).OfType<Draft>().Count(draft => forms.WriteDraft(draft, null));
            Directory.Move(draftFolder, draftFolder + suffix);
        }

        return new Report(takenAuthors, takenDrafts);
    }
}
