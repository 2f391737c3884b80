using System.Text.Json.Nodes;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Inbox.Documents;

/// <summary>
/// The answers of a submission as the caseworker reads them: the same <see cref="SubmissionDocument"/> the PDF is made
/// of, built from the stored answers with the form version the submission names, in the caseworker's language.
/// Without that version in the catalog there is no document (the page says so; the JSON export still works).
/// </summary>
public sealed class SubmissionView(FormCatalog catalog, Localization.ChromeTexts texts)
{
    public SubmissionDocumentView Build(InboxDetail detail, string lang)
    {
        var submission = detail.Submission;
        if (catalog.Find(submission.FormId, submission.FormVersion) is not { } form) return new SubmissionDocumentView(null, DocumentNotice.FormMissing);
        var result = form.Engine.Validate(JsonNode.Parse(detail.AnswersJson) as JsonObject ?? []);
        var submittedAt = new DateTimeOffset(DateTime.SpecifyKind(submission.CreatedAt, DateTimeKind.Utc));
        var document = SignIn.IdentityMarks.Mark(form.Engine.BuildDocument(result, lang, new DocumentHeader(submission.ReferenceNumber, submittedAt, null, [])),
            SignIn.IdentityMarks.Read(submission.PrefilledJson), texts, lang);
        return new SubmissionDocumentView(document, form.Definition.ContentHash == submission.ContentHash ? DocumentNotice.None : DocumentNotice.FormChanged);
    }
}

public enum DocumentNotice { None, FormMissing, FormChanged }

public sealed record SubmissionDocumentView(SubmissionDocument? Document, DocumentNotice Notice);
