using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;

namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>
/// Runs after the centres' start: migrates the appointments' tables and, while nothing is configured yet, gives every
/// centre of the example directory (and only those — marked as example data) a neutral name, two counsellors and a
/// first meeting, so the booking pages can be tried on a fresh installation.
/// </summary>
internal sealed class AppointmentsStartup(AppointmentsDatabase database, AppointmentSetup setup, CentreStore centres, CentreFinder finder, CentresOptions centresOptions, ILogger<AppointmentsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var context = database.CreateContext())
            if (context.Owners.Any()) return;

        var examples = (await centres.PublishedAsync(centresOptions.Tenant, cancellationToken))
            .Select(row => (row.Id, Record: CentreJson.Read(row.Published!))).Where(c => c.Record.Example).ToList();
        foreach (var (id, record) in examples) await ConfigureExampleAsync(id, record, cancellationToken);
        if (examples.Count > 0) logger.LogInformation("Appointments: example booking set up for {Count} example centres", examples.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ConfigureExampleAsync(Guid centreId, CentreRecord record, CancellationToken cancellationToken)
    {
        var state = (await finder.FindAsync(centreId, cancellationToken))?.State;
        await setup.SaveOwnerAsync(centreId, centresOptions.Tenant, "Beratung " + record.Address.City, state, cancellationToken);
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        var counsellors = new[] { ("Beraterin A", 9, 12), ("Berater B", 13, 17) }.Select((c, i) => new Counsellor
        {
            Id = Derived(centreId, i + 1), CentreId = centreId, DisplayName = c.Item1,
            Weekly = [.. weekdays.Select(d => new WeeklyWindow(d, new LocalTime(c.Item2, 0), new LocalTime(c.Item3, 0)))],
        }).ToList();
        foreach (var counsellor in counsellors) await setup.SaveCounsellorAsync(counsellor, cancellationToken);
        await setup.SaveTypeAsync(new AppointmentType
        {
            Id = Derived(centreId, 100), CentreId = centreId,
            Title = new Dictionary<string, string> { ["de"] = "Erstgespräch", ["en"] = "First meeting", ["tr"] = "İlk görüşme", ["ar"] = "اللقاء الأول", ["uk"] = "Перша зустріч", ["ru"] = "Первая встреча" },
            Length = Duration.FromMinutes(50), BufferAfter = Duration.FromMinutes(10), Interval = Duration.FromMinutes(60),
            MinimumNotice = Duration.FromHours(12), HorizonDays = 60, MaxPerDay = 4,
            Counsellors = [.. counsellors.Select(c => c.Id)],
        }, cancellationToken);
    }

    /// <summary>Stable ids for the example setup (the same on every fresh start).</summary>
    private static Guid Derived(Guid centreId, int n)
    {
        var bytes = centreId.ToByteArray();
        bytes[15] ^= (byte)n;
        bytes[14] ^= 0xA5;
        return new Guid(bytes);
    }
}
