using MimeKit;
using Sozialplattform.Documents.Formatting;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>
/// Writes the status e-mail from the Scriban template <c>status-changed</c> (Documents' sandboxed renderer; the first
/// line is the subject). Its document has the header only — title, reference number, date, authority — and no
/// answers, so no template can put application data into an e-mail. The caseworker's message is offered to
/// templates as <c>message</c>; the built-in ones leave it out and point to the status page.
/// </summary>
public sealed class StatusMailComposer(TemplateRenderer templates, TemplateLocator locator, FormCatalog catalog, ChromeTexts texts, NotificationOptions options)
{
    public const string Template = "status-changed";

    /// <summary>For a message or decision of the authority: only that there is news, and where to read it.</summary>
    public const string NewsTemplate = "case-news";

    public (MimeMessage? Mail, string? Error) Compose(StatusNotice notice) => Compose(notice, Template);

    /// <summary>The notice about a message or decision (template <c>case-news</c>), for the platform's <see cref="MailQueue"/>: no content, only that there is news.</summary>
    public (QueuedMail? Mail, string? Error) ComposeNews(StatusNotice notice)
    {
        var (mail, error) = Compose(notice, NewsTemplate);
        return mail is null ? (null, error) : (new QueuedMail(notice.Email!, mail.Subject ?? "", mail.TextBody ?? "", notice.Language), null);
    }

    private (MimeMessage? Mail, string? Error) Compose(StatusNotice notice, string template)
    {
        if (notice.Email is null || !MailboxAddress.TryParse(notice.Email, out var to)) return (null, "the submission has no usable e-mail address");
        // The case's own form version's wording (made in the designer), in TemplateLocator's order: an operator's per-form file forces its own.
        if (locator.Find(template, notice.FormId, notice.Language, VersionTemplates.Of(catalog, notice.FormId, notice.FormVersion)) is not { } source)
            return (null, $"no template '{template}'");
        var lang = source.Language;
        var title = catalog.Find(notice.FormId, notice.FormVersion)?.Definition.Title.Get(lang) ?? notice.FormTitle;
        var submittedAt = new DateTimeOffset(DateTime.SpecifyKind(notice.SubmittedAt, DateTimeKind.Utc));
        var document = new SubmissionDocument(notice.FormId, notice.FormVersion, lang, false, title,
            new DocumentHeader(notice.ReferenceNumber, submittedAt, notice.AuthorityName, []), [], [], [], []);
        var result = templates.Render(source, document, new Dictionary<string, string>
        {
            ["status"] = texts.Get(lang, "status." + notice.Status),
            ["status_code"] = notice.Status.ToString(),
            ["message"] = notice.Message ?? "",
            ["has_message"] = notice.Message is null ? "" : "true",
            ["changed_at"] = Formatting(notice.ChangedAt, lang),
            ["status_url"] = options.PortalUrl.Length == 0 ? "" : $"{options.PortalUrl.TrimEnd('/')}/{notice.Language}/status",
        });
        if (!result.Succeeded) return (null, string.Join("; ", result.Errors));

        var text = result.Text!.Replace("\r\n", "\n");
        var split = text.IndexOf('\n');
        var mail = new MimeMessage
        {
            Subject = (split < 0 ? text : text[..split]).Trim(),
            MessageId = $"{notice.NotificationId:N}@sozialplattform.notification",
            Body = new TextPart("plain") { Text = split < 0 ? "" : text[(split + 1)..].TrimStart('\n') },
        };
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(to);
        mail.Headers.Add("X-Sozialplattform-Reference", notice.ReferenceNumber);
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        return (mail, null);
    }

    private static string Formatting(DateTime utc, string lang) =>
        DocumentFormat.DateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), lang, DocumentFormat.GermanTime);
}
