using System.Text;
using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using Sozialplattform.Benchmarks.Delivery;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Benchmarks.CaseApi;

/// <summary>
/// The case API's storage work on PostgreSQL with 100,000 cases in one authority's inbox (seeded by binary COPY,
/// one change a minute): "new cases since" an hour ago and the first page of all new cases (each with its audit
/// entry), and fetching one case whose form PDF has 5 pages (answers decrypted, files listed, view audited) plus
/// downloading that PDF (decrypted). Targets: ≤ 10 ms and ≤ 20 ms median.
/// </summary>
[MemoryDiagnoser]
public class CaseApiBenchmarks
{
    public const int Cases = 100_000;
    private const string Tenant = "nrw";
    private const string Authority = "sozialamt-bench";
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private SozialDatabase _database = null!;
    private Func<Task> _cleanup = null!;
    private CaseworkerAccount _client = null!;
    private CaseFeed _feed = null!;
    private CaseworkerInbox _inbox = null!;
    private Guid _caseId;
    private Guid _pdfId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_database, _cleanup) = await BenchmarkDatabases.CreateAsync(StorageProvider.Postgres);
        await SeedAsync(_database.Options.ConnectionString!);
        _client = ApiPrincipal.For(Tenant, Authority, "fv-bench");
        _feed = new CaseFeed(_database);
        _inbox = new CaseworkerInbox(_database);
        var accepted = await new SubmissionStore(_database).AcceptAsync(new NewSubmission
        {
            TenantId = Tenant, FormId = "buergergeld", FormVersion = "1.0.0", ContentHash = "sha256:bench", FormTitle = "Antrag auf Bürgergeld", Language = "de",
            AnswersJson = "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"feld{i}\":\"Antwort {i} mit etwas Text\"")) + "}",
            IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "46325", ApplicantEmail = "antrag@example.org", Pdf = FivePagePdf(),
            Attachments = [new NewAttachment("nachweise.mietvertrag", "mietvertrag.pdf", "application/pdf", new byte[50_000])],
        }, [new Destination(Authority, "inbox")]);
        _caseId = accepted.Submission.Id;
        await new InboxWriter(_database).ReceiveAsync(Guid.NewGuid(), _caseId, Tenant, Authority);
        _pdfId = (await _inbox.OpenAsync(_client, _caseId))!.Files.Single(f => f.Purpose == AttachmentPurpose.Form).Id;
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark(Description = "New cases since an hour ago (100,000 in the authority)")]
    public Task<CaseFeedPage> NewSinceAnHourAgo() => _feed.ChangedAsync(_client, Start.AddMinutes(Cases - 60), null, onlyNew: true, take: 100);

    [Benchmark(Description = "First page (100) of all new cases (100,000 in the authority)")]
    public Task<CaseFeedPage> FirstPageOfAllNew() => _feed.ChangedAsync(_client, null, null, onlyNew: true, take: 100);

    [Benchmark(Description = "Fetch one case (answers, files, messages; audited)")]
    public Task<InboxDetail?> FetchCase() => _inbox.OpenAsync(_client, _caseId);

    [Benchmark(Description = "Download its 5-page form PDF (decrypted; audited)")]
    public Task<InboxFileContent?> DownloadPdf() => _inbox.ReadFileAsync(_client, _caseId, _pdfId);

    /// <summary>100,000 submissions and their inbox items by binary COPY (a few seconds instead of minutes of inserts).</summary>
    private static async Task SeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ids = Enumerable.Range(0, Cases).Select(_ => Guid.CreateVersion7()).ToArray();
        var cipher = new byte[1200];
        await using (var submissions = await connection.BeginBinaryImportAsync(
            """COPY submissions ("Id", "ReferenceNumber", "TenantId", "FormId", "FormVersion", "ContentHash", "FormTitle", "Language", "AnswersCipher", "CreatedAt", "Status", "StatusSecretHash", "IdempotencyKey") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < Cases; i++)
            {
                await submissions.StartRowAsync();
                await submissions.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await submissions.WriteAsync($"SP-BENCH-{i:D8}", NpgsqlDbType.Varchar);
                foreach (var text in new[] { Tenant, "buergergeld", "1.0.0", "sha256:bench", "Antrag auf Bürgergeld", "de" }) await submissions.WriteAsync(text, NpgsqlDbType.Text);
                await submissions.WriteAsync(cipher, NpgsqlDbType.Bytea);
                await submissions.WriteAsync(Start.AddMinutes(i), NpgsqlDbType.TimestampTz);
                await submissions.WriteAsync(nameof(SubmissionStatus.Received), NpgsqlDbType.Varchar);
                await submissions.WriteAsync("hash", NpgsqlDbType.Text);
                await submissions.WriteAsync($"bench-{i}", NpgsqlDbType.Varchar);
            }

            await submissions.CompleteAsync();
        }

        await using (var items = await connection.BeginBinaryImportAsync(
            """COPY inbox_items ("Id", "DeliveryId", "SubmissionId", "TenantId", "AuthorityId", "ReceivedAt", "ChangedAt", "Status") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < Cases; i++)
            {
                await items.StartRowAsync();
                await items.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await items.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await items.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await items.WriteAsync(Tenant, NpgsqlDbType.Text);
                await items.WriteAsync(Authority, NpgsqlDbType.Text);
                await items.WriteAsync(Start.AddMinutes(i), NpgsqlDbType.TimestampTz);
                await items.WriteAsync(Start.AddMinutes(i), NpgsqlDbType.TimestampTz);
                await items.WriteAsync(nameof(SubmissionStatus.Received), NpgsqlDbType.Varchar);
            }

            await items.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE submissions; ANALYZE inbox_items;", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>A valid PDF of 5 pages, each with about 20 KB of text in its content stream (≈ 100 KB).</summary>
    public static byte[] FivePagePdf()
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R 9 0 R 11 0 R] /Count 5 >>" };
        for (var page = 0; page < 5; page++)
        {
            var lines = string.Join("\n", Enumerable.Range(0, 400).Select(l => $"BT /F1 9 Tf 40 {800 - l % 60 * 12} Td (Seite {page + 1}, Zeile {l}: Bescheid ueber Leistungen) Tj ET"));
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {objects.Count + 2} 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(lines)} >>\nstream\n{lines}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
