using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Records;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Infrastructure;

/// <summary>
/// The real portal host with postal-code data for the test places, the tenant's centres settings (two hotlines) and
/// every log line kept, so tests can say what is and is not written to the log.
/// </summary>
public sealed class CentresPortal : PortalFactory
{
    private static readonly string Csv = WriteCsv();

    public CentresPortal() : this(1_000_000) { }

    /// <summary>A host whose public API allows <paramref name="apiRequestsPerMinute"/> per client (for the limit's own test).</summary>
    internal CentresPortal(int apiRequestsPerMinute, int? smtpPort = null) : base(Csv, RepositoryPaths.FormsCatalog)
    {
        ApiRequestsPerMinute = apiRequestsPerMinute;
        SmtpPort = smtpPort;
        File.WriteAllText(Path.Combine(Folders.Tenant, CentresConfiguration.FileName), """
            { "editorialEmail": "redaktion@portal.example", "hotlines": [ { "topic": "suchtberatung", "name": { "de": "Sucht & Drogen Hotline" }, "phone": "01806 313031" },
                            { "topic": null, "name": { "de": "TelefonSeelsorge" }, "phone": "0800 1110111" } ] }
            """);
    }

    public int ApiRequestsPerMinute { get; }

    /// <summary>The real SMTP server the platform's mail dispatcher sends to (none: mails wait in the queue).</summary>
    public int? SmtpPort { get; }

    /// <summary>A host whose mails go to the SMTP server on <paramref name="smtpPort"/>.</summary>
    public static CentresPortal WithMail(int smtpPort) => new(1_000_000, smtpPort);

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>A page's HTML with entities decoded (the renderer encodes non-ASCII letters).</summary>
    public async Task<string> PageAsync(string url) => System.Net.WebUtility.HtmlDecode(await CreateClient().GetStringAsync(url));

    /// <summary>Imports records into the test tenant through the real importer (checks included); fails on a refused one.</summary>
    public async Task<IReadOnlyList<Guid>> ImportAsync(params CentreRecord[] records)
    {
        _ = CreateClient();
        var importer = Services.GetRequiredService<CentreImporter>();
        var report = await importer.ImportAsync("test", records.Select((r, i) => new FileEntry(i + 1, r, [])), "test", dryRun: false);
        report.ShouldAllBe(line => line.Outcome != LineOutcome.Refused, string.Join(Environment.NewLine, report));
        var store = Services.GetRequiredService<Sozialplattform.Centres.Storage.CentreStore>();
        var all = await store.AllAsync("test");
        return records.Select(r => all.Single(c => c.ExternalId == r.ExternalId).Id).ToList();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sozialplattform:Centres:ApiRequestsPerMinute", ApiRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(new KeepingLoggerProvider(Log)));
        if (SmtpPort is not { } port) return;
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Security", "none");
        builder.UseSetting("Sozialplattform:Notifications:Smtp:TimeoutSeconds", "10");
        builder.UseSetting("Sozialplattform:Notifications:From", "noreply@sozialplattform.example");
        builder.UseSetting("Sozialplattform:Notifications:PortalUrl", "https://portal.example");
        builder.UseSetting("Sozialplattform:Notifications:FirstRetryDelay", "00:00:00");
    }

    private static string WriteCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sozial-centres-geo-{Guid.NewGuid():N}.csv");
        var lines = new[] { TestCentres.Koeln, TestCentres.KoelnSued, TestCentres.Bonn, TestCentres.Duesseldorf, TestCentres.Dortmund, TestCentres.Berlin }
            .Select(p => FormattableString.Invariant($"DE,{p.PostalCode},{p.Places},State,XX,,,\"{p.KreisName}\",{p.Kreis},{p.Position!.Value.Latitude},{p.Position.Value.Longitude}"));
        File.WriteAllLines(path, ["country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude", .. lines]);
        return path;
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(categoryName, log);

        public void Dispose() { }
    }

    private sealed class KeepingLogger(string category, ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
