using System.Text.Json.Nodes;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Submissions;

/// <summary>The applicant's copy of their application as PDF, in the language they ask for, from the stored answers and the pinned form version.</summary>
public sealed class ApplicantPdf(StatusLookup status, FormCatalog catalog, PdfRenderer pdf, Localization.ChromeTexts texts)
{
    public async Task<byte[]?> RenderAsync(string reference, string secret, string lang, CancellationToken cancellationToken)
    {
        var copy = await status.FindCopyAsync(reference, secret, cancellationToken);
        if (copy is null || catalog.Find(copy.FormId, copy.FormVersion) is not { } form || form.Definition.ContentHash != copy.ContentHash) return null;
        var result = form.Engine.Validate(JsonNode.Parse(copy.AnswersJson) as JsonObject ?? []);
        var submittedAt = new DateTimeOffset(DateTime.SpecifyKind(copy.SubmittedAt, DateTimeKind.Utc));
        var document = SignIn.IdentityMarks.Mark(
            form.Engine.BuildDocument(result, lang, new DocumentHeader(copy.ReferenceNumber, submittedAt, copy.AuthorityNames.FirstOrDefault(), [])),
            SignIn.IdentityMarks.Read(copy.PrefilledJson), texts, lang);
        return pdf.Render(document, new PdfRenderOptions { CreatedAt = submittedAt }).Pdf;
    }
}
