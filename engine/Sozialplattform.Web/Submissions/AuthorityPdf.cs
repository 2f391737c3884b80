using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Submissions;

/// <summary>
/// The authorities' PDF of a stored submission, rendered after the accept (the dispatcher asks through
/// <see cref="FormPdfs"/>): German, the pinned form version, the stored clean answers, the moment of the submit and the
/// authority named at that moment — the same document the request used to render.
/// </summary>
public sealed class AuthorityPdf(FormCatalog catalog, PdfRenderer pdf, Localization.ChromeTexts texts) : IFormPdfRenderer
{
    public FormPdfRendering Render(FormPdfSource source)
    {
        if (catalog.Find(source.FormId, source.FormVersion) is not { } form)
            return FormPdfRendering.Failed($"form {source.FormId} {source.FormVersion} is not in this host's catalog (yet)");
        if (form.Definition.ContentHash != source.ContentHash)
            return FormPdfRendering.Failed($"form {source.FormId} {source.FormVersion} in this host's catalog differs from the version the submission names");
        var result = form.Engine.Validate(JsonNode.Parse(source.AnswersJson) as JsonObject ?? []);
        var submittedAt = new DateTimeOffset(source.SubmittedAt, TimeSpan.Zero);
        var header = new DocumentHeader(source.ReferenceNumber, submittedAt, source.AuthorityName, source.AuthorityAddress);
        var document = SignIn.IdentityMarks.Mark(form.Engine.BuildDocument(result, ApplicationSubmitter.AuthorityLanguage, header),
            SignIn.IdentityMarks.Read(source.PrefilledJson), texts, ApplicationSubmitter.AuthorityLanguage);
        var rendered = pdf.Render(document, new PdfRenderOptions { CreatedAt = submittedAt });
        return rendered.Pdf is { } bytes ? FormPdfRendering.Rendered(bytes) : FormPdfRendering.Failed($"{rendered.ErrorCode}: {rendered.ErrorMessage}");
    }
}
