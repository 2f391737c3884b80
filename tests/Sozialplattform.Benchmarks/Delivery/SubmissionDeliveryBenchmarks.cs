using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Tests.Channels.FitConnect;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Storage.Routing;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Benchmarks.Delivery;

/// <summary>
/// Delivery throughput: the outbox dispatcher delivers accepted submissions to the local FIT-Connect test server
/// (token, destination, key, create, PDF and upload as JWE, metadata and data as JWE; the server decrypts and
/// validates everything). Each invocation delivers a batch of 32 on SQLite.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class SubmissionDeliveryBenchmarks
{
    private const int Batch = 32;
    private const string SchemaUri = "https://schema.example.org/bench/answers.schema.json";
    private static readonly JsonObject Schema = new() { ["type"] = "object" };
    private FitConnectTestServer _server = null!;
    private SozialDatabase _database = null!;
    private SubmissionStore _store = null!;
    private OutboxDispatcher _dispatcher = null!;
    private Func<Task> _cleanup = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var metadataSchema = Path.GetFullPath(Path.Combine(BenchmarkPaths.RepositoryRoot(), "..", "shared", "standards", "fitconnect", "metadata.schema.v1.0.0.json"));
        _server = await FitConnectTestServer.StartAsync(metadataSchema, new Dictionary<string, JsonObject> { [SchemaUri] = Schema });
        (_database, _cleanup) = await BenchmarkDatabases.CreateAsync(StorageProvider.Sqlite);
        var options = _server.ChannelOptions(SchemaUri);
        options["leikaKey"] = "99107015017000";
        await new RoutingTableStore(_database).ReplaceTenantAsync("nrw",
            [new Authority { TenantId = "nrw", Id = "jobcenter", Name = "Jobcenter", Role = "jobcenter", Address = "Jobcenter", ChannelType = "fitconnect", ChannelOptionsJson = options.ToJsonString() }], [], []);
        _store = new SubmissionStore(_database);
        var http = new HttpClient();
        _dispatcher = new OutboxDispatcher(new OutboxStore(_database), new DeliverySource(_database),
            new DeliveryPackageBuilder(new FixedAnswersSchemaSource().Add("buergergeld", "1.0.0", Schema)),
            BuiltInChannels.Registry(_database, http), new DispatcherOptions { BatchSize = Batch, Parallelism = 4 });
    }

    [IterationSetup]
    public void Accept()
    {
        for (var i = 0; i < Batch; i++)
            _store.AcceptAsync(new NewSubmission
            {
                TenantId = "nrw", FormId = "buergergeld", FormVersion = "1.0.0", ContentHash = "sha256:bench", FormTitle = "Antrag auf Bürgergeld",
                Language = "de", AnswersJson = """{"vorname":"Ayşe","nachname":"Yılmaz"}""", IdempotencyKey = Guid.NewGuid().ToString("N"),
                Pdf = new byte[20_000], Attachments = [new NewAttachment("nachweis", "nachweis.pdf", "application/pdf", new byte[50_000])],
            }, [new Destination("jobcenter", "fitconnect")]).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Submission delivery to FIT-Connect test server")]
    public async Task Deliver()
    {
        var report = await _dispatcher.RunOnceAsync();
        if (report.Delivered != Batch) throw new InvalidOperationException($"delivered {report.Delivered} of {Batch}: {string.Join("; ", _server.Problems)}");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _server.DisposeAsync();
        await _cleanup();
    }
}
