using Sozialplattform.Documents.Formatting;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Inbox.Documents;

/// <summary>
/// Decision letters made from the Scriban templates of a service — <c>letters/&lt;name&gt;.de.scriban</c> beside its
/// <c>form.json</c> — through the platform's one sandboxed <see cref="TemplateRenderer"/> (the model of every template:
/// the submission's document, plus <c>authority_name</c>, <c>caseworker_name</c> and <c>letter_date</c>). The draft is
/// text the caseworker edits; the letter's first line is its subject, the rest its body, rendered as it stands (nothing
/// in it is evaluated again) with the PDF renderer's <see cref="LetterPdfLayout"/>. Letters are German, the authorities'
/// official language (§ 19 SGB X).
/// </summary>
public sealed class DecisionLetters(FormCatalog catalog, TemplateRenderer templates, PdfRenderer pdf, TimeProvider clock)
{
    public const string Language = "de";
    public const int TextMaxLength = 20_000;
    private const string Suffix = "." + Language + TemplateLocator.Extension;

    /// <summary>The letter templates of a service version, by name (none when the version is not in the catalog).</summary>
    public IReadOnlyList<string> Templates(string formId, string version)
    {
        if (catalog.Find(formId, version) is not { } form) return [];
        return form.ServiceFileNames("letters", Suffix).Where(TemplateLocator.IsValidName).ToList();
    }

    /// <summary>The draft of a letter from the template <paramref name="template"/>, or the template's errors with line and column.</summary>
    public TemplateResult Draft(SubmissionDocument document, CaseLetterhead letterhead, string template)
    {
        var origin = $"{letterhead.FormId}/{letterhead.FormVersion}/letters/{template}{Suffix}";
        if (!Templates(letterhead.FormId, letterhead.FormVersion).Contains(template, StringComparer.Ordinal))
            return TemplateResult.Failed(origin, new TemplateError(origin, 0, 0, "The service has no such letter template."));
        var text = catalog.Find(letterhead.FormId, letterhead.FormVersion)!.ServiceFile($"letters/{template}{Suffix}") ?? "";
        var source = new TemplateSource(template, Language, origin, text);
        return templates.Render(source, document, new Dictionary<string, string>
        {
            ["authority_name"] = letterhead.AuthorityName,
            ["caseworker_name"] = letterhead.CaseworkerName,
            ["letter_date"] = DocumentFormat.Date(clock.GetUtcNow(), Language, templates.TimeZone),
        });
    }

    /// <summary>The problem code of an edited letter, or null: missing (no subject or no body), too long.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > TextMaxLength) return "letterTooLong";
        var (subject, body) = Split(text);
        return subject.Length == 0 || body.Trim().Length == 0 ? "letterMissing" : null;
    }

    /// <summary>The letter as the PDF the applicant receives as the decision.</summary>
    public CaseFile Pdf(CaseLetterhead letterhead, string text)
    {
        var (subject, body) = Split(text);
        var document = LetterPdfLayout.Document(letterhead.FormId, letterhead.FormVersion, Language, subject, letterhead.ReferenceNumber,
            letterhead.AuthorityName, letterhead.AuthorityAddress, body);
        var result = pdf.Render(document, new PdfRenderOptions { Layout = LetterPdfLayout.LayoutName, CreatedAt = clock.GetUtcNow(), Author = letterhead.AuthorityName });
        if (!result.Succeeded) throw new InvalidOperationException($"{result.ErrorCode}: {result.ErrorMessage}");
        return new CaseFile($"Bescheid-{letterhead.ReferenceNumber}.pdf", "application/pdf", result.Pdf!);
    }

    private static (string Subject, string Body) Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimStart('\n').Split('\n', 2);
        return (lines[0].Trim(), lines.Length > 1 ? lines[1] : "");
    }
}
