using System.Text.Json;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Components.Pages;
using Sozialplattform.Counselling.Web.Hosting;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Counselling.Web.Seeker;

/// <summary>
/// A seeker's conversation to take away (DSGVO Art. 15 and 20): JSON (machine-readable; <c>&lt; &gt; &amp;</c> escaped by
/// the serializer, so a script payload stays text wherever the file is shown) and a PDF through the platform's one
/// <see cref="PdfRenderer"/> with its shipped fonts (a message is a field: who and when as the label, the text as the
/// value, each file listed below it with its size and SHA-256 — drawn as glyphs, never markup; the files themselves are
/// downloaded one by one from the thread). Nothing of the counsellors but "Beratungsstelle"; the pseudonym is the seeker's own.
/// </summary>
public sealed class ConversationExport(PdfRenderer pdf, CounsellingTexts texts)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public byte[] ToJson(ConversationView view, string pseudonym, string centreName, DateTime exportedAt) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            exportedAt = Utc(exportedAt),
            pseudonym,
            conversation = new
            {
                id = view.Id, centre = centreName, topic = view.Topic, state = view.State.ToString().ToLowerInvariant(),
                createdAt = Utc(view.CreatedAt), lastActivityAt = Utc(view.LastActivityAt),
            },
            messages = view.Messages.Select(m => new
            {
                author = m.Author == MessageAuthor.Seeker ? "seeker" : "centre", at = Utc(m.At), text = m.Text,
                files = m.Files.Select(f => new { name = f.FileName, mediaType = f.MediaType, size = f.Size, sha256 = f.Sha256 }),
            }),
        }, Json);

    /// <summary>The PDF in the seeker's language; null when rendering failed (the caller answers 500 without content).</summary>
    public byte[]? ToPdf(ConversationView view, string lang, string centreName, DateTime exportedAt)
    {
        var messages = view.Messages.Select((m, i) => (DocumentNode)new DocumentField($"messages[{i}]",
            $"{texts.Get(lang, m.Author == MessageAuthor.Seeker ? "author.you" : "author.centre")} · {StartPage.Format(m.At)}",
            m.Text + string.Concat(m.Files.Select(f => "\n" + texts.Get(lang, "export.file", f.FileName, Components.Shared.Thread.Size(f.Size), f.Sha256))))).ToList();
        var document = new SubmissionDocument("online-beratung", "1", lang, lang == "ar", texts.Get(lang, "export.title"),
            new DocumentHeader(null, new DateTimeOffset(Utc(exportedAt)), centreName, []),
            [new DocumentSection(texts.Get(lang, "export.messages"), [], messages)], [], [], []);
        return pdf.Render(document, new PdfRenderOptions { CreatedAt = new DateTimeOffset(Utc(exportedAt)), Author = "Sozialplattform" }).Pdf;
    }

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
