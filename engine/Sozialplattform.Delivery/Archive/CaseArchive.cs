using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Answers;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Delivery.Archive;

/// <summary>
/// The archive package of a case (zip), exported before its deletion — e.g. for the public archive the authority must
/// offer its files to. Layout:
/// <code>
/// antrag/SP-….pdf                   the submission's PDF
/// antrag/antworten.json, .xml       the answers as stored, and in the generic XML mapping
/// antrag/anlagen/NN-name            the applicant's uploads
/// nachrichten/nachrichten.json      messages, hand-ins, decisions and forwarding both ways (who, when, text, receipt, files)
/// nachrichten/NN-kind/name          the files of each message (hand-ins, decision PDFs)
/// status.json                       the status history
/// manifest.json                     reference, service, when and by whom exported, and path, size and SHA-256 of every other file
/// </code>
/// File names lose paths and control characters and get a running number, so no entry leaves the package's folders.
/// </summary>
public static class CaseArchive
{
    public const string ManifestPath = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(CaseContents contents, string exportedBy, DateTime exportedAt)
    {
        var entries = new List<(string Path, byte[] Content)>();
        foreach (var pdf in contents.Files.Where(f => f.Purpose == AttachmentPurpose.Form))
            entries.Add(($"antrag/{contents.ReferenceNumber}.pdf", pdf.Content));
        entries.Add(("antrag/antworten.json", Encoding.UTF8.GetBytes(contents.AnswersJson)));
        entries.Add(("antrag/antworten.xml", Encoding.UTF8.GetBytes(AnswersXml.FromJson(contents.AnswersJson, contents.FormId, contents.FormVersion, contents.ReferenceNumber).ToString())));
        var uploads = contents.Files.Where(f => f.Purpose == AttachmentPurpose.Attachment).ToList();
        for (var i = 0; i < uploads.Count; i++)
            entries.Add(($"antrag/anlagen/{i + 1:00}-{CaseMessages.SafeFileName(uploads[i].FileName)}", uploads[i].Content));

        var messages = new JsonArray();
        for (var i = 0; i < contents.Messages.Count; i++)
        {
            var message = contents.Messages[i];
            var folder = $"nachrichten/{i + 1:00}-{message.Kind.ToString().ToLowerInvariant()}";
            var paths = new JsonArray();
            foreach (var file in contents.Files.Where(f => f.MessageId == message.Id))
            {
                var path = $"{folder}/{paths.Count + 1:00}-{CaseMessages.SafeFileName(file.FileName)}";
                entries.Add((path, file.Content));
                paths.Add(path);
            }

            messages.Add(new JsonObject
            {
                ["kind"] = message.Kind.ToString(), ["actor"] = message.Actor, ["at"] = Stamp(message.At), ["receiptNumber"] = message.ReceiptNumber,
                ["text"] = message.Text, ["firstOpenedAt"] = message.FirstOpenedAt is { } opened ? Stamp(opened) : null, ["files"] = paths,
            });
        }

        entries.Add(("nachrichten/nachrichten.json", Encoding.UTF8.GetBytes(messages.ToJsonString(Json))));
        var history = new JsonArray(contents.StatusHistory.Select(s => (JsonNode)new JsonObject
        {
            ["status"] = s.Status.ToString(), ["actor"] = s.Actor, ["at"] = Stamp(s.At), ["message"] = s.Message,
        }).ToArray());
        entries.Add(("status.json", Encoding.UTF8.GetBytes(history.ToJsonString(Json))));

        var manifest = new JsonObject
        {
            ["referenceNumber"] = contents.ReferenceNumber, ["tenant"] = contents.TenantId, ["service"] = contents.FormId, ["formVersion"] = contents.FormVersion,
            ["title"] = contents.FormTitle, ["submittedAt"] = Stamp(contents.SubmittedAt), ["status"] = contents.Status.ToString(),
            ["exportedAt"] = Stamp(exportedAt), ["exportedBy"] = exportedBy,
            ["files"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject
            {
                ["path"] = e.Path, ["size"] = e.Content.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(e.Content)),
            }).ToArray()),
        };
        entries.Add((ManifestPath, Encoding.UTF8.GetBytes(manifest.ToJsonString(Json))));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(exportedAt, DateTimeKind.Utc));
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The package's download name: <c>Archiv-SP-….zip</c>.</summary>
    public static string FileName(string referenceNumber) => $"Archiv-{referenceNumber}.zip";

    private static string Stamp(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
