namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// The working copy of one form: its definition as saved, the ETag (content hash) a save must name, the published
/// version it started from (null for a new form), and who saved it last, when.
/// </summary>
public sealed record Draft(string FormId, byte[] Content, string ETag, string? BaseVersion, string SavedBy, DateTimeOffset SavedAt);

/// <summary>The outcome of saving or publishing: done, or refused with the reason.</summary>
public abstract record SaveResult
{
    private SaveResult() { }

    public sealed record Saved(Draft Draft) : SaveResult;

    /// <summary>
    /// Someone saved since this editor loaded the draft: nothing was written. The message names who and when, so that the
    /// author can reload and compare.
    /// </summary>
    public sealed record Conflict(Draft Current) : SaveResult
    {
        public string Message(string language) => language == "en"
            ? $"{Current.SavedBy} saved this form at {Current.SavedAt:yyyy-MM-dd HH:mm:ss} UTC after you opened it. Nothing was overwritten: reload their version or compare it with yours."
            : $"{Current.SavedBy} hat dieses Formular am {Current.SavedAt:dd.MM.yyyy} um {Current.SavedAt:HH:mm:ss} UTC gespeichert, nachdem Sie es geöffnet haben. Nichts wurde überschrieben: Laden Sie die andere Fassung neu oder vergleichen Sie sie mit Ihrer.";
    }

    /// <summary>Publishing was refused (errors in the definition, a version that exists or is not newer): nothing was written.</summary>
    public sealed record Refused(IReadOnlyList<string> Reasons) : SaveResult;

    public sealed record Published(string Version, string Path, Draft Draft) : SaveResult;
}
