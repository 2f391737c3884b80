using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Infrastructure;

/// <summary>
/// The real portal host with a centre in Köln whose counsellors Anna and Ben take a 50-minute first meeting on
/// weekdays 09:00–12:00, and a clock that stands at Monday 2026-12-07 06:30 (Berlin) until a test moves it.
/// </summary>
public sealed class AppointmentsPortal : PortalFactory
{
    private static readonly string Csv = WriteCsv();

    public AppointmentsPortal() : base(Csv) { }

    /// <summary>A host on <paramref name="dataDirectory"/> (kept when it ends: a restart is a second host on it), sending to the SMTP server on <paramref name="smtpPort"/>, at <paramref name="now"/>.</summary>
    public static AppointmentsPortal OnData(string dataDirectory, int smtpPort, Instant now) => new(dataDirectory, smtpPort, now);

    /// <summary>A host on its own temporary folder, sending to the SMTP server on <paramref name="smtpPort"/>.</summary>
    public static AppointmentsPortal WithSmtp(int smtpPort) => new(null, smtpPort, At(2026, 12, 7, 6, 30));

    // xUnit class fixtures need exactly one public constructor
    private AppointmentsPortal(string? dataDirectory, int smtpPort, Instant now) : base(Csv)
    {
        (DataDirectory, SmtpPort) = (dataDirectory, smtpPort);
        Clock = new ManualClock(now.ToDateTimeOffset());
    }

    /// <summary>A host in Development with the development sign-in switched on, for "Mein Konto" (citizens sign in with any name).</summary>
    public static AppointmentsPortal WithCitizenSignIn() => new(citizenSignIn: true);

    private AppointmentsPortal(bool citizenSignIn) : base(Csv) => CitizenSignIn = citizenSignIn;

    private bool CitizenSignIn { get; }

    public ManualClock Clock { get; } = new(At(2026, 12, 7, 6, 30).ToDateTimeOffset());

    private string? DataDirectory { get; }

    private int? SmtpPort { get; }

    public Guid CentreId { get; private set; }

    public Guid TypeId => FirstMeeting().Id;

    /// <summary>Once per host: the centre through the real importer, its neutral name, counsellors and type.</summary>
    public async Task<AppointmentsPortal> ReadyAsync()
    {
        if (CentreId != Guid.Empty) return this;
        _ = CreateClient();
        var report = await Services.GetRequiredService<CentreImporter>().ImportAsync("test", [new FileEntry(1, TestCentres.Centre("termine-1", TestCentres.Koeln), [])], "test", dryRun: false);
        report.ShouldAllBe(line => line.Outcome != LineOutcome.Refused);
        var centreId = (await Services.GetRequiredService<Sozialplattform.Centres.Storage.CentreStore>().AllAsync("test")).Single(c => c.ExternalId == "termine-1").Id;
        var setup = Services.GetRequiredService<AppointmentSetup>();
        (await setup.SaveOwnerAsync(centreId, "test", "Beratung Mitte", Nrw)).ShouldBeEmpty();
        foreach (var (id, name) in new[] { (Anna, "Anna"), (Ben, "Ben") })
            (await setup.SaveCounsellorAsync(Counsellor(id, name) with { CentreId = centreId })).ShouldBeEmpty();
        (await setup.SaveTypeAsync(FirstMeeting(Anna, Ben) with { CentreId = centreId, HorizonDays = 14 })).ShouldBeEmpty();
        CentreId = centreId;
        return this;
    }

    /// <summary>Every mail the appointments queued, decrypted, in order.</summary>
    public async Task<IReadOnlyList<(Notification Row, QueuedMail Mail)>> MailsAsync()
    {
        var queue = Services.GetRequiredService<MailQueue>();
        var rows = await Services.GetRequiredService<NotificationStore>().ListAsync();
        return rows.Where(r => r.Kind == NotificationKind.Mail && r.Purpose?.StartsWith("appointment.", StringComparison.Ordinal) == true && r.MailCipher is not null)
            .Select(r => (r, queue.Read(r))).ToList();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sozialplattform:Notifications:PortalUrl", "https://portal.example.org");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (CitizenSignIn)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Sozialplattform:Portal:DevelopmentSignIn", "true");
        }

        if (DataDirectory is not null) builder.UseSetting("Sozialplattform:Storage:DataDirectory", DataDirectory);
        if (SmtpPort is not { } port) return;
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Port", port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Security", "none");
        builder.UseSetting("Sozialplattform:Notifications:Smtp:TimeoutSeconds", "10");
        builder.UseSetting("Sozialplattform:Notifications:From", "noreply@sozialplattform.example");
    }

    private static string WriteCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sozial-appointments-geo-{Guid.NewGuid():N}.csv");
        var koeln = TestCentres.Koeln;
        File.WriteAllLines(path,
        [
            "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude",
            string.Create(CultureInfo.InvariantCulture, $"DE,{koeln.PostalCode},{koeln.Places},Nordrhein-Westfalen,NW,,,\"{koeln.KreisName}\",{koeln.Kreis},{koeln.Position!.Value.Latitude},{koeln.Position.Value.Longitude}"),
        ]);
        return path;
    }
}

/// <summary>Submits a Blazor form (found by its form name) like a browser without JavaScript: to the page's own address.</summary>
public static class BlazorForms
{
    public static Task<PortalPage> SubmitFormAsync(this PortalClient client, PortalPage page, string formName, IReadOnlyDictionary<string, string>? values = null)
    {
        var form = page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {page.Url}:\n{page.Html}");
        var fields = PortalClient.Collect(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }

        return client.PostAsync(page.Url.PathAndQuery, fields);
    }
}
