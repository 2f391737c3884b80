using System.Text.Json;
using Sozialplattform.Delivery.Answers;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Inbox.Documents;

/// <summary>
/// The machine-readable exports of a submission: JSON — the stored, cleaned answers, valid against the form version's
/// JSON Schema — and XML in the delivery's answers mapping (<see cref="AnswersXml"/>), ordered by that schema.
/// </summary>
public sealed class SubmissionExports(FormCatalog catalog)
{
    public static byte[] Json(InboxExport export) => System.Text.Encoding.UTF8.GetBytes(export.AnswersJson);

    public async Task<byte[]> XmlAsync(InboxExport export, CancellationToken cancellationToken)
    {
        var schema = await catalog.GetAsync(export.FormId, export.FormVersion, export.ContentHash, cancellationToken);
        JsonElement? schemaElement = schema is null ? null : JsonSerializer.SerializeToElement(schema);
        var xml = AnswersXml.FromJson(export.AnswersJson, export.FormId, export.FormVersion, export.ReferenceNumber, schemaElement);
        return System.Text.Encoding.UTF8.GetBytes(AnswersXml.Text(xml));
    }
}
