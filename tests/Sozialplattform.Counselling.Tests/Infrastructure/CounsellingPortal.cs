using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>
/// The real portal host with three centres of Schuldnerberatung: A in Köln of carrier <c>traeger-1</c> and B in Bonn of
/// <c>traeger-2</c> offer online counselling, C in Köln (<c>traeger-1</c>) does not; the counselling's rate
/// limits as given (by default far above what a test does — every test client shares one address on the test server).
/// </summary>
public sealed class CounsellingPortal : PortalFactory
{
    private static readonly string Csv = new PostalCodeFile(Line(TestCentres.Koeln), Line(TestCentres.Bonn)).Path;
    private readonly Dictionary<string, int> _limits;
    private readonly Action<IWebHostBuilder>? _configure;

    public CounsellingPortal() : this(new Dictionary<string, int>()) { }

    private CounsellingPortal(Dictionary<string, int> limits, Action<IWebHostBuilder>? configure = null) : base(Csv) => (_limits, _configure) = (limits, configure);

    /// <summary>A host with these limits (<c>RegistrationsPerHour</c>, <c>LoginsPerMinute</c>, …); all others far above any test.</summary>
    public static CounsellingPortal WithLimits(Dictionary<string, int> limits) => new(limits);

    /// <summary>A host with settings of its own on top of the test defaults (e.g. a shared database and Redis).</summary>
    public static CounsellingPortal With(Action<IWebHostBuilder> configure) => new([], configure);

    public Guid CentreA { get; private set; }

    public Guid CentreB { get; private set; }

    /// <summary>A centre in Köln that does not offer online counselling (no way <c>chat</c>).</summary>
    public Guid CentreC { get; private set; }

    /// <summary>Once per host: the two centres through the real importer.</summary>
    public async Task<CounsellingPortal> ReadyAsync()
    {
        if (CentreA != Guid.Empty) return this;
        _ = CreateClient();
        var report = await Services.GetRequiredService<CentreImporter>().ImportAsync("test",
            [
                new FileEntry(1, TestCentres.Centre("online-a", TestCentres.Koeln) with { Ways = Online }, []),
                new FileEntry(2, TestCentres.Centre("online-b", TestCentres.Bonn) with { Ways = Online, Email = "bonn@example.org", Carrier = new Carrier("traeger-2", "Anderer Träger e. V.") }, []),
                new FileEntry(3, TestCentres.Centre("offline-c", TestCentres.Koeln), []),
            ],
            "test", dryRun: false);
        report.ShouldAllBe(line => line.Outcome != LineOutcome.Refused, string.Join(Environment.NewLine, report));
        var all = await Services.GetRequiredService<CentreStore>().AllAsync("test");
        (CentreA, CentreB, CentreC) = (all.Single(c => c.ExternalId == "online-a").Id, all.Single(c => c.ExternalId == "online-b").Id, all.Single(c => c.ExternalId == "offline-c").Id);
        return this;
    }

    /// <summary>A staff account of the centre with a role in its counselling (none: keeps the record only), signed in through the real login with its second factor.</summary>
    public async Task<(PortalClient Client, CentreAccountRow Account)> CounsellorAsync(string login, string centre = "online-a", TeamRole? role = TeamRole.Counsellor, string? noticeEmail = null)
    {
        await ReadyAsync();
        var account = await this.AccountAsync(login, centres: centre);
        if (role is { } granted)
            await Services.GetRequiredService<CounsellingTeam>().SetAsync(account.Id, centre == "online-a" ? CentreA : CentreB, granted, noticeEmail);
        return (await this.SignInAsync(login), account);
    }

    /// <summary>Every counselling notice queued, decrypted, in order.</summary>
    public async Task<IReadOnlyList<QueuedMail>> NoticesAsync()
    {
        var queue = Services.GetRequiredService<MailQueue>();
        var rows = await Services.GetRequiredService<NotificationStore>().ListAsync();
        return [.. rows.Where(r => r.Kind == NotificationKind.Mail && r.Purpose == "counselling.notice" && r.MailCipher is not null).OrderBy(r => r.CreatedAt).Select(queue.Read)];
    }

    /// <summary>The platform's audit log: actor, action, details.</summary>
    public async Task<IReadOnlyList<(string Actor, string Action, string? Details)>> AuditAsync()
    {
        await using var context = Services.GetRequiredService<Sozialplattform.Storage.Database.SozialDatabase>().CreateContext();
        return [.. context.AuditLog.OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.Details }).AsEnumerable().Select(a => (a.Actor, a.Action, a.Details))];
    }

    /// <summary>Conversations and messages as stored (counts and states), to say that a refused step changed nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var context = Services.GetRequiredService<CounsellingDatabase>().CreateContext();
        var conversations = context.Conversations.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.State}:{c.CounsellorId}:{c.LastActivityAt:O}").ToList();
        return string.Join('\n', conversations) + $"\nmessages {context.Messages.Count()}\nfiles {context.Attachments.Count()}";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sozialplattform:Notifications:PortalUrl", "https://portal.example.org");
        foreach (var name in new[] { "RegistrationsPerHour", "LoginsPerMinute", "ResetsPerHour", "MessagesPerMinute", "MessagesPerAccountPerHour" })
            builder.UseSetting($"Sozialplattform:Counselling:{name}", _limits.GetValueOrDefault(name, 100_000).ToString(CultureInfo.InvariantCulture));
        _configure?.Invoke(builder);
    }

    private static readonly CounsellingWay[] Online = [CounsellingWay.OnSite, CounsellingWay.Chat];

    private static string Line(PostalCodePlace place) =>
        FormattableString.Invariant($"DE,{place.PostalCode},{place.Places},Nordrhein-Westfalen,NW,,,\"{place.KreisName}\",{place.Kreis},{place.Position!.Value.Latitude},{place.Position.Value.Longitude}");
}
