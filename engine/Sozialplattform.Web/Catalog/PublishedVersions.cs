using Microsoft.Extensions.Configuration;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Web.Catalog;

/// <summary>
/// Brings versions published in the designer (on any host of the database) into this host's <see cref="FormCatalog"/>
/// without a restart: every <c>Sozialplattform:Catalog:RefreshInterval</c> (default 2 s) it reads the count of published
/// rows — a revision, as rows are only ever added — and, when it grew, loads the rows it does not have. The designer on
/// this host asks at once after a publish. Why a poll and not PostgreSQL's LISTEN/NOTIFY: docs/DEPLOYMENT.md.
/// </summary>
public sealed class PublishedVersions(FormCatalog catalog, SharedCatalog shared, ILogger<PublishedVersions> log, IServiceProvider services, IConfiguration configuration)
    : BackgroundService
{
    public const string IntervalSetting = "Sozialplattform:Catalog:RefreshInterval";
    private readonly SemaphoreSlim _checking = new(1, 1);
    private int _revision = -1;

    public TimeSpan Interval { get; } = configuration.GetValue(IntervalSetting, TimeSpan.FromSeconds(2));

    /// <summary>Loads what was published since the last check (at start: everything published so far).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _checking.WaitAsync(cancellationToken);
        try
        {
            var revision = shared.Revision();
            if (revision == _revision) return;
            var missing = shared.PublishedKeys().Where(k => catalog.Find(k.FormId, k.Version) is null).ToList();
            var rows = missing.Select(k => shared.Published(k.FormId, k.Version)).OfType<PublishedFormVersion>().Select(r => (r.FormId, r.Version, r.Content, Files(r)));
            foreach (var problem in catalog.AddPublished(rows))
                log.LogWarning("A published form version could not be loaded and is not served: {Problem}", problem);
            if (missing.Count > 0) log.LogInformation("Catalog: {Count} published versions loaded ({Versions})", missing.Count, string.Join(", ", missing.Select(m => $"{m.FormId}@{m.Version}")));
            _revision = revision;
        }
        finally
        {
            _checking.Release();
        }
    }

    private static IReadOnlyDictionary<string, string> Files(PublishedFormVersion row) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(string.IsNullOrEmpty(row.ServiceFiles) ? "{}" : row.ServiceFiles) ?? [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<FormWorkspace>() is { } designer)
            designer.VersionPublished += (_, _) => _ = RefreshAsync();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogWarning(error, "Catalog: the check for newly published versions failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
