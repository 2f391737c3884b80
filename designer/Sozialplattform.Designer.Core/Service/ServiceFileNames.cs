using System.Text.RegularExpressions;

namespace Sozialplattform.Designer.Service;

/// <summary>What a service's files are called beside its <c>form.json</c>, and the only names that become paths.</summary>
public static partial class ServiceFileNames
{
    public const string Checklist = Sozialplattform.Catalog.CaseWorkFiles.ChecklistFileName;
    public const string LetterFolder = "letters/";
    public const string TemplateFolder = "templates/";
    public const string Extension = ".scriban";

    /// <summary>
    /// The e-mails a service may word itself, each per portal language: the status e-mails the inbox sends
    /// (StatusMailComposer), the confirmation to the applicant and the e-mail to the authority (the portal, for a
    /// submission of the version that carries them).
    /// </summary>
    public static IReadOnlyList<string> EmailTemplates { get; } = ["status-changed", "case-news", "email-confirmation", "email-authority"];

    /// <summary>
    /// The PDFs a service may word itself, per language: the receipt (Eingangsbestätigung). The built-in cover letter is
    /// not offered: no channel sends one, and an author should not word what nobody receives.
    /// </summary>
    public static IReadOnlyList<string> PdfTemplates { get; } = ["receipt"];

    /// <summary>Every template a service may have under <c>templates/</c>: the e-mails, then the PDFs.</summary>
    public static IReadOnlyList<string> Templates { get; } = [.. EmailTemplates, .. PdfTemplates];

    public static IReadOnlyList<string> Languages { get; } = ["de", "en", "tr", "ar", "uk", "ru"];

    /// <summary>At most this many characters per file, and this many files per service.</summary>
    public const int MaxFileLength = 50_000;
    public const int MaxFiles = 60;

    public static string Letter(string name) => $"{LetterFolder}{name}.de{Extension}";

    public static string Email(string template, string language) => $"{TemplateFolder}{template}.{language}{Extension}";

    public static bool IsValidName(string name) => SafeName().IsMatch(name);

    /// <summary>The letter's name of a path <c>letters/&lt;name&gt;.de.scriban</c>, or null.</summary>
    public static string? LetterName(string path) => LetterPath().Match(path) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <summary>Template and language of a path <c>templates/&lt;template&gt;.&lt;lang&gt;.scriban</c> for a known template (e-mail or PDF, <see cref="Templates"/>) and language, or null.</summary>
    public static (string Template, string Language)? EmailOf(string path) =>
        EmailPath().Match(path) is { Success: true } m && Templates.Contains(m.Groups["t"].Value) && Languages.Contains(m.Groups["lang"].Value)
            ? (m.Groups["t"].Value, m.Groups["lang"].Value)
            : null;

    /// <summary>Whether <paramref name="path"/> is a service file the designer keeps (anything else is refused).</summary>
    public static bool IsPdf(string template) => PdfTemplates.Contains(template);

    public static bool IsKnown(string path) => path == Checklist || LetterName(path) is not null || EmailOf(path) is not null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^letters/(?<name>[a-z0-9][a-z0-9-]{0,79})\\.de\\.scriban$")]
    private static partial Regex LetterPath();

    [GeneratedRegex("^templates/(?<t>[a-z0-9][a-z0-9-]{0,79})\\.(?<lang>[a-z]{2})\\.scriban$")]
    private static partial Regex EmailPath();
}

/// <summary>A problem of a service file, as data: the file (its path beside form.json), line and column (0 when not known) and a German text.</summary>
public sealed record ServiceFileProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File} ({Line},{Column}): {Message}" : $"{File}: {Message}";
}
