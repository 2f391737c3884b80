using System.Text;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>Small, realistic inputs shared by the tests.</summary>
public static class Samples
{
    public const string Tenant = "test";

    public const string AnswersJson = """{"antragsteller":{"vorname":"Ayşe","nachname":"Yılmaz","geburtsdatum":"1988-04-12"},"lebtAllein":false,"mitglieder":[{"vorname":"Emre","geburtsdatum":"2015-03-01"},{"vorname":"Elif","geburtsdatum":"2018-09-20"}],"miete":{"kaltmiete":520.5,"nebenkosten":130}}""";

    /// <summary>A minimal valid one-page PDF 1.4 document (hand-written, with a correct cross-reference table).</summary>
    public static byte[] MinimalPdf { get; } = BuildMinimalPdf();

    public static NewSubmission Submission(string idempotencyKey, string formId = "buergergeld") => new()
    {
        TenantId = Tenant,
        FormId = formId,
        FormVersion = "1.0.0",
        ContentHash = "sha256:0f1e2d3c",
        FormTitle = "Antrag auf Bürgergeld",
        Language = "de",
        AnswersJson = AnswersJson,
        IdempotencyKey = idempotencyKey,
        PostalCode = "46325",
        Kreisschluessel = "05554",
        ApplicantEmail = "ayse.yilmaz@example.org",
        Pdf = MinimalPdf,
        Attachments = [new NewAttachment("nachweise.mietvertrag", "mietvertrag.txt", "text/plain", Encoding.UTF8.GetBytes("Mietvertrag, Seite 1"))],
    };

    public static Authority Authority(string id, string channel = "demo", string options = "{}") => new()
    {
        TenantId = Tenant, Id = id, Name = $"Behörde {id}", Role = "jobcenter", Address = "Musterstraße 1\n46325 Borken",
        ContactEmail = $"{id}@example.org", ChannelType = channel, ChannelOptionsJson = options,
    };

    public static async Task AddAuthoritiesAsync(SozialDatabase database, params Authority[] authorities) =>
        await new RoutingTableStore(database).ReplaceTenantAsync(Tenant, authorities, [], []);

    private static byte[] BuildMinimalPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
