using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using Sozialplattform.Benchmarks.Delivery;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Benchmarks.Cases;

/// <summary>
/// The inbox list of one authority with 100,000 cases on PostgreSQL (seeded by binary COPY): the first page (50) and
/// the count, filtered by assignee (20 caseworkers, 5,000 cases each), by status (30,000 "In Prüfung"), by both
/// (1,500), and by file number (20,000 case files of 5 cases each), after VACUUM ANALYZE. Target: ≤ 20 ms median each.
/// </summary>
[MemoryDiagnoser]
public class CaseListBenchmarks
{
    public const int Cases = 100_000;
    private const int Caseworkers = 20;
    private const int CasesPerFile = 5;
    private const string Tenant = "nrw";
    private const string Authority = "jobcenter-bench";
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly SubmissionStatus[] Statuses =
        [SubmissionStatus.Received, SubmissionStatus.Received, SubmissionStatus.Received, SubmissionStatus.Received, SubmissionStatus.InReview,
         SubmissionStatus.InReview, SubmissionStatus.InReview, SubmissionStatus.DocumentsRequested, SubmissionStatus.Decided, SubmissionStatus.Closed];

    private SozialDatabase _database = null!;
    private Func<Task> _cleanup = null!;
    private CaseworkerInbox _inbox = null!;
    private CaseworkerAccount _caseworker = null!;
    private Guid[] _assignees = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_database, _cleanup) = await BenchmarkDatabases.CreateAsync(StorageProvider.Postgres);
        _assignees = Enumerable.Range(0, Caseworkers).Select(_ => Guid.CreateVersion7()).ToArray();
        await SeedAsync(_database.Options.ConnectionString!, _assignees);
        _inbox = new CaseworkerInbox(_database);
        _caseworker = new CaseworkerAccount
        {
            Id = _assignees[3], Login = "bench", DisplayName = "Bench", PasswordHash = "", TenantId = Tenant, AuthorityId = Authority, Role = CaseworkerRole.Caseworker,
        };
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark(Baseline = true, Description = "No filter: first page (50) and count of 100,000")]
    public Task<InboxListPage> NoFilter() => _inbox.ListAsync(_caseworker, new InboxFilter());

    [Benchmark(Description = "Assignee (\"Nur meine Fälle\", 5,000 of 100,000)")]
    public Task<InboxListPage> ByAssignee() => _inbox.ListAsync(_caseworker, new InboxFilter(AssigneeId: _assignees[3]));

    [Benchmark(Description = "Status In Prüfung (30,000 of 100,000)")]
    public Task<InboxListPage> ByStatus() => _inbox.ListAsync(_caseworker, new InboxFilter(Status: SubmissionStatus.InReview));

    [Benchmark(Description = "Assignee and status (1,500 of 100,000)")]
    public Task<InboxListPage> ByAssigneeAndStatus() => _inbox.ListAsync(_caseworker, new InboxFilter(Status: SubmissionStatus.InReview, AssigneeId: _assignees[3]));

    [Benchmark(Description = "File number (5 of 100,000)")]
    public Task<InboxListPage> ByFileNumber() => _inbox.ListAsync(_caseworker, new InboxFilter(FileNumber: FileNumber(12_345)));

    private static string FileNumber(int file) => $"BG-{file:D6}";

    /// <summary>100,000 submissions, their inbox items and 20,000 case files by binary COPY.</summary>
    public static async Task SeedAsync(string connectionString, Guid[] assignees)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ids = Enumerable.Range(0, Cases).Select(_ => Guid.CreateVersion7()).ToArray();
        var files = Enumerable.Range(0, Cases / CasesPerFile).Select(_ => Guid.CreateVersion7()).ToArray();
        var cipher = new byte[1200];
        await using (var submissions = await connection.BeginBinaryImportAsync(
            """COPY submissions ("Id", "ReferenceNumber", "TenantId", "FormId", "FormVersion", "ContentHash", "FormTitle", "Language", "AnswersCipher", "CreatedAt", "Status", "StatusSecretHash", "IdempotencyKey") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < Cases; i++)
            {
                await submissions.StartRowAsync();
                await submissions.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await submissions.WriteAsync($"SP-LIST-{i:D8}", NpgsqlDbType.Varchar);
                foreach (var text in new[] { Tenant, "buergergeld", "1.0.2", "sha256:bench", "Antrag auf Bürgergeld", "de" }) await submissions.WriteAsync(text, NpgsqlDbType.Text);
                await submissions.WriteAsync(cipher, NpgsqlDbType.Bytea);
                await submissions.WriteAsync(Start.AddMinutes(i), NpgsqlDbType.TimestampTz);
                await submissions.WriteAsync(Statuses[i % Statuses.Length].ToString(), NpgsqlDbType.Varchar);
                await submissions.WriteAsync("hash", NpgsqlDbType.Text);
                await submissions.WriteAsync($"list-{i}", NpgsqlDbType.Varchar);
            }

            await submissions.CompleteAsync();
        }

        await using (var dossiers = await connection.BeginBinaryImportAsync(
            """COPY dossiers ("Id", "TenantId", "AuthorityId", "FileNumber", "CreatedBy", "CreatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var f = 0; f < files.Length; f++)
            {
                await dossiers.StartRowAsync();
                await dossiers.WriteAsync(files[f], NpgsqlDbType.Uuid);
                await dossiers.WriteAsync(Tenant, NpgsqlDbType.Text);
                await dossiers.WriteAsync(Authority, NpgsqlDbType.Text);
                await dossiers.WriteAsync(FileNumber(f), NpgsqlDbType.Text);
                await dossiers.WriteAsync("bench", NpgsqlDbType.Text);
                await dossiers.WriteAsync(Start, NpgsqlDbType.TimestampTz);
            }

            await dossiers.CompleteAsync();
        }

        await using (var items = await connection.BeginBinaryImportAsync(
            """COPY inbox_items ("Id", "DeliveryId", "SubmissionId", "TenantId", "AuthorityId", "ReceivedAt", "ChangedAt", "AssigneeId", "DossierId", "Status") FROM STDIN (FORMAT BINARY)"""))
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
                // Assignees in blocks of 7 cases, so that assignee and status (every 10th case) are not correlated.
                await items.WriteAsync(assignees[i / 7 % assignees.Length], NpgsqlDbType.Uuid);
                await items.WriteAsync(files[i / CasesPerFile], NpgsqlDbType.Uuid);
                await items.WriteAsync(Statuses[i % Statuses.Length].ToString(), NpgsqlDbType.Varchar);
            }

            await items.CompleteAsync();
        }

        // As autovacuum would leave them: statistics and the visibility map (index-only scans); VACUUM runs outside a transaction, one table at a time.
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE submissions", connection)) await vacuum.ExecuteNonQueryAsync();
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE inbox_items", connection)) await vacuum.ExecuteNonQueryAsync();
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE dossiers", connection)) await vacuum.ExecuteNonQueryAsync();
    }
}
