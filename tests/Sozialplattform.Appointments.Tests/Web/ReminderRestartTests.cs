using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.Seeker;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Web.Inbox.Notifications;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Web;

/// <summary>
/// The reminder is a row of the platform's mail queue with its time: a host that ends between booking and reminder
/// time loses nothing, and the next host on the same database sends it — exactly once — to the real SMTP server.
/// </summary>
public sealed class ReminderRestartTests
{
    [Fact]
    public async Task A_host_restart_between_booking_and_reminder_time_sends_exactly_one_reminder()
    {
        var data = Directory.CreateTempSubdirectory("sozial-appointments-restart-").FullName;
        var port = FreePort.Next();
        await using var smtp = await SmtpTestServer.StartAsync(port);
        try
        {
            using (var first = AppointmentsPortal.OnData(data, port, At(2026, 12, 7, 6, 30)))
            {
                await first.ReadyAsync();
                var request = new BookingRequest(first.TypeId, Anna, At(2026, 12, 8, 9), "Kim", "kim@example.org", "de");
                (await first.Services.GetRequiredService<SeekerBooking>().BookForCallerAsync(request, "https://portal.example.org", CancellationToken.None)).ShouldBeOfType<Booked>();
                await first.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync();
                smtp.Received().Select(m => m.Subject).ShouldBe(["Termin bei Beratung Mitte"]); // the confirmation; the reminder waits for its time
            }

            // the next start, the day before the appointment at 10:00 — one hour after the reminder's time
            using var second = AppointmentsPortal.OnData(data, port, At(2026, 12, 7, 10));
            _ = second.CreateClient();
            var dispatcher = second.Services.GetRequiredService<NotificationDispatcher>();
            await dispatcher.RunOnceAsync();
            await dispatcher.RunOnceAsync();

            var received = smtp.Received();
            received.Select(m => m.Subject).ShouldBe(["Termin bei Beratung Mitte", "Termin bei Beratung Mitte – Erinnerung"]);
            var reminder = received[1];
            reminder.To.Mailboxes.Single().Address.ShouldBe("kim@example.org");
            var calendar = Ical.Net.Calendar.Load(reminder.Attachments.OfType<MimeKit.MimePart>().Select(p => new StreamReader(p.Content!.Open()).ReadToEnd()).Single())!;
            calendar.Events.Single().DtStart!.AsUtc.ShouldBe(At(2026, 12, 8, 9).ToDateTimeUtc());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
