using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Channels.Demo;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Outbox;

/// <summary>A database with three authorities (demo, always failing, built-in inbox), a manual clock and a dispatcher factory.</summary>
public sealed class OutboxHarness
{
    public const string DemoAuthority = "jobcenter-demo";
    public const string FailingAuthority = "sozialamt-failing";
    public const string InboxAuthority = "jobcenter-inbox";
    public const string OtherInboxAuthority = "sozialamt-inbox";

    private OutboxHarness(SozialDatabase database, ManualClock clock)
    {
        Database = database;
        Clock = clock;
        Outbox = new OutboxStore(database, clock);
        Channels = TestChannels.All(database, Demo);
    }

    public SozialDatabase Database { get; }
    public ManualClock Clock { get; }
    public OutboxStore Outbox { get; }
    public DemoChannel Demo { get; } = new();
    public ChannelRegistry Channels { get; }

    public static async Task<OutboxHarness> StartAsync(DatabaseTarget target, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var database = await target.FreshAsync(interceptors);
        await Samples.AddAuthoritiesAsync(database,
            Samples.Authority(DemoAuthority, "demo"),
            Samples.Authority(FailingAuthority, "failing-demo", """{"message":"Fachverfahren nicht erreichbar"}"""),
            Samples.Authority(InboxAuthority, "inbox"),
            Samples.Authority(OtherInboxAuthority, "inbox"));
        return new OutboxHarness(database, new ManualClock());
    }

    public DispatcherOptions Options(string worker = "worker-1", int maxAttempts = 3) => new()
    {
        WorkerId = worker, MaxAttempts = maxAttempts, FirstRetryDelay = TimeSpan.FromSeconds(30), Lease = TimeSpan.FromMinutes(5), BatchSize = 50,
    };

    public OutboxDispatcher Dispatcher(DispatcherOptions? options = null, FormPdfs? pdfs = null) =>
        new(Outbox, new DeliverySource(Database), new DeliveryPackageBuilder(new FixedAnswersSchemaSource()), Channels, options ?? Options(), Clock, pdfs: pdfs);

    public async Task<AcceptResult> AcceptAsync(string key, params string[] authorities) =>
        await new SubmissionStore(Database, Clock).AcceptAsync(Samples.Submission(key), authorities.Select(a => new Destination(a, "")).ToList());

    /// <summary>Accepted and received into the built-in inbox at the harness's clock (the dispatcher's inbox channel stamps real time).</summary>
    public async Task<AcceptResult> ReceiveAsync(string key)
    {
        var accepted = await AcceptAsync(key, InboxAuthority);
        var entry = (await Outbox.ListAsync()).Single(o => o.SubmissionId == accepted.Submission.Id);
        await new Sozialplattform.Storage.Inbox.InboxWriter(Database, Clock).ReceiveAsync(entry.Id, accepted.Submission.Id, Samples.Tenant, InboxAuthority);
        return accepted;
    }
}
