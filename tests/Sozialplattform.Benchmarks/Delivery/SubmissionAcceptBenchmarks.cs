using BenchmarkDotNet.Attributes;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Benchmarks.Delivery;

/// <summary>
/// Accepted submissions per second: submission (answers ~1 KB encrypted, a 20 KB PDF, one 50 KB upload), its status
/// event and one outbox entry written in one transaction. One at a time, and 8 portal requests at once.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class SubmissionAcceptBenchmarks
{
    private const int Batch = 64;
    private static readonly byte[] Pdf = new byte[20_000];
    private static readonly byte[] Upload = new byte[50_000];
    private static readonly string Answers = "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"feld{i}\":\"Antwort {i} mit etwas Text\"")) + "}";
    private static readonly Destination[] Destinations = [new("jobcenter-kreis-borken", "inbox")];
    private SozialDatabase _database = null!;
    private SubmissionStore _store = null!;
    private Func<Task> _cleanup = null!;

    [Params(StorageProvider.Sqlite, StorageProvider.Postgres)]
    public StorageProvider Provider { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_database, _cleanup) = await BenchmarkDatabases.CreateAsync(Provider);
        _store = new SubmissionStore(_database);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark(OperationsPerInvoke = Batch, Description = "Submission accept, one after another")]
    public async Task Sequential()
    {
        for (var i = 0; i < Batch; i++) await _store.AcceptAsync(NewSubmission(), Destinations);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Submission accept, 8 at once")]
    public Task Parallel8() =>
        System.Threading.Tasks.Parallel.ForAsync(0, Batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) => await _store.AcceptAsync(NewSubmission(), Destinations, ct));

    private static NewSubmission NewSubmission() => new()
    {
        TenantId = "nrw", FormId = "buergergeld", FormVersion = "1.0.0", ContentHash = "sha256:bench", FormTitle = "Antrag auf Bürgergeld",
        Language = "de", AnswersJson = Answers, IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "46325", Kreisschluessel = "05554",
        ApplicantEmail = "antragsteller@example.org", Pdf = Pdf,
        Attachments = [new NewAttachment("nachweise.mietvertrag", "mietvertrag.pdf", "application/pdf", Upload)],
    };
}
