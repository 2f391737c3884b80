using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Inbox.Notifications;

namespace Sozialplattform.Web.Submissions;

/// <summary>
/// The confirmation e-mail to the applicant after a submission (template <c>email-confirmation</c>; the first line is the
/// subject) with the receipt as PDF (template <c>receipt</c>, drawn by the letter layout), both from the submission's own
/// form version: its templates (made in the designer), unless the operator forces one (<see cref="TemplateLocator"/>).
/// The e-mail's document has the header only — no answers in an e-mail; the receipt sees the whole document.
/// Queued on the platform's <see cref="MailQueue"/> (key per submission, so a repeated submit queues one mail) when the
/// answers name an e-mail address and a sender is configured.
/// </summary>
public sealed class SubmissionConfirmation(TemplateRenderer templates, FormCatalog catalog, MailQueue queue, PdfRenderer pdf, NotificationOptions options,
    ILogger<SubmissionConfirmation> log)
{
    public const string Template = "email-confirmation";
    public const string ReceiptTemplate = "receipt";
    public const string Purpose = "submission-confirmation";

    /// <summary>The mail for a submission of <paramref name="formId"/> <paramref name="version"/> in <paramref name="language"/>, or why there is none.</summary>
    public (QueuedMail? Mail, string? Error) Compose(string email, string formId, string version, string language, string reference, DateTimeOffset submittedAt,
        string authorityName, IReadOnlyList<string> authorityAddress, JsonObject answers)
    {
        if (catalog.Find(formId, version) is not { } form) return (null, $"form {formId} {version} is not in this host's catalog");
        var service = VersionTemplates.Of(catalog, formId, version);
        if (templates.Find(Template, formId, language, service) is not { } source) return (null, $"no template '{Template}'");
        var lang = source.Language;
        var statusUrl = options.PortalUrl.Length == 0 ? "" : $"{options.PortalUrl.TrimEnd('/')}/{language}/status";
        var values = new Dictionary<string, string> { ["status_url"] = statusUrl };
        var header = new SubmissionDocument(formId, version, lang, lang == "ar", form.Definition.Title.Get(lang),
            new DocumentHeader(reference, submittedAt, authorityName, authorityAddress), [], [], [], []);
        var mail = templates.Render(source, header, values);
        if (!mail.Succeeded) return (null, string.Join("; ", mail.Errors));
        var (subject, body) = TemplateText.Split(mail.Text!);
        return (new QueuedMail(email, subject, body, language, Receipt(form, service, language, reference, submittedAt, authorityName, authorityAddress, answers, values)), null);
    }

    /// <summary>Queues the confirmation of a newly accepted submission; a failing template is logged and sends nothing (the submission stands).</summary>
    public async Task QueueAsync(string tenantId, Guid submissionId, string? email, string formId, string version, string language, string reference,
        DateTimeOffset submittedAt, string authorityName, IReadOnlyList<string> authorityAddress, JsonObject answers, CancellationToken cancellationToken)
    {
        if (email is null || options.From.Length == 0) return;
        var (mail, error) = Compose(email, formId, version, language, reference, submittedAt, authorityName, authorityAddress, answers);
        if (mail is null)
        {
            log.LogWarning("No confirmation e-mail for {Reference}: {Error}", reference, error);
            return;
        }

        try
        {
            await queue.EnqueueAsync(tenantId, Purpose, mail, key: $"{Purpose}:{submissionId:N}", cancellationToken: cancellationToken);
        }
        catch (Exception queueing) when (queueing is not OperationCanceledException)
        {
            // The application is accepted and stays so; only its confirmation is missing.
            log.LogError(queueing, "Queueing the confirmation e-mail of {Reference} failed", reference);
        }
    }

    private IReadOnlyList<MailAttachment>? Receipt(CatalogForm form, ServiceTemplates? service, string language, string reference, DateTimeOffset submittedAt,
        string authorityName, IReadOnlyList<string> authorityAddress, JsonObject answers, IReadOnlyDictionary<string, string> values)
    {
        var document = form.Engine.BuildDocument(form.Engine.Validate(answers), language, new DocumentHeader(reference, submittedAt, authorityName, authorityAddress));
        var rendered = templates.Render(ReceiptTemplate, document, service, values);
        if (!rendered.Succeeded)
        {
            log.LogWarning("No receipt PDF for {Reference}: {Errors}", reference, string.Join("; ", rendered.Errors));
            return null;
        }

        var (title, body) = TemplateText.Split(rendered.Text!);
        var letter = LetterPdfLayout.Document(form.Id, form.Version, document.Language, title, reference, authorityName, authorityAddress, body);
        var result = pdf.Render(letter, new PdfRenderOptions { Layout = LetterPdfLayout.LayoutName, CreatedAt = submittedAt, Author = authorityName });
        return result.Pdf is { } bytes ? [new MailAttachment("eingangsbestaetigung.pdf", "application/pdf", bytes)] : null;
    }
}
