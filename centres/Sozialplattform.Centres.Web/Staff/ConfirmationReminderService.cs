using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Centres.Reminders;
using Sozialplattform.Centres.Web.Hosting;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// Runs the "Daten bestätigen" sweep every <c>Sozialplattform:Centres:ReminderInterval</c> (default one hour). The mails go
/// through the platform's one mail queue, sent by its dispatcher; the sweep's keys make it safe on every host at once.
/// </summary>
internal sealed class ConfirmationReminderService(ConfirmationReminders reminders, TimeSpan interval, ILogger<ConfirmationReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var due = await reminders.RunOnceAsync(stoppingToken);
                if (due > 0) logger.LogInformation("Centres: {Count} confirmation mails due (queued once each)", due);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Centres: the confirmation sweep failed; it runs again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The mails' texts: in German, the centres' working language, with the link to the centre's edit page.</summary>
    public static ReminderComposer Composer(CentreTexts texts, string portalUrl) => (kind, centre, record, to) =>
    {
        var name = record.Name.Resolve("de").Text;
        var link = $"{portalUrl.TrimEnd('/')}{StaffRoutes.Edit("de", centre.Id)}";
        var key = kind == ReminderKind.Confirm ? "mail.confirm" : "mail.hidden";
        var confirmed = (centre.LastConfirmedAt ?? centre.PublishedAt ?? centre.CreatedAt).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return new QueuedMail(to, texts.Get("de", key + ".subject"), texts.Get("de", key + ".body", name, confirmed, link), "de");
    };
}
