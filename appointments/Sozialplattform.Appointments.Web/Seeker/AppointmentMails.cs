using System.Data.Common;
using System.Text;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Calendar;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Appointments.Web.Seeker;

/// <summary>
/// Composes the seeker's e-mails in their language and queues them in the platform's one mail queue: the link to
/// confirm a hold, the confirmation, the change and the cancellation (each with its calendar file) and the reminder
/// (queued for its time with a key per booking and SEQUENCE, so it goes out once; withdrawn when moved or cancelled).
/// Subjects and calendar entries name only the centre's neutral name.
/// </summary>
public sealed class AppointmentMails(MailQueue queue, AppointmentSetup setup, CalendarDirectory calendars, AppointmentTexts texts, AppointmentsOptions options, TimeProvider clock)
{
    public const string CalendarFileName = "termin.ics";

    public static string ReminderKey(Guid bookingId, int sequence) => $"appointment-reminder:{bookingId:N}:{sequence}";

    /// <param name="transaction">The step's open transaction: the mail is queued in it, so step and mail are stored together or not at all.</param>
    /// <param name="booking">The hold as stored (its answers as the type's questions kept them).</param>
    public async Task QueueHoldAsync(Held held, BookingView booking, string baseUrl, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var about = await AboutAsync(booking.TypeId, cancellationToken);
        var lang = booking.Language;
        var body = new StringBuilder()
            .AppendLine(Greeting(booking.Name, lang)).AppendLine()
            .AppendLine(texts.Get(lang, "mail.hold.lead", about.Owner.NeutralName, AppointmentTexts.Time(held.ExpiresAt))).AppendLine()
            .AppendLine(Title(about.Type, lang)).AppendLine(texts.When(lang, held.Slot.Start, held.Slot.End)).AppendLine()
            .AppendLine(baseUrl + AppointmentRoutes.Confirm(lang, held.BookingId, held.ConfirmToken)).AppendLine()
            .AppendLine(texts.Get(lang, "mail.hold.ignore"));
        await queue.EnqueueAsync(about.Owner.Tenant, "appointment.hold",
            new QueuedMail(booking.Email!, texts.Get(lang, "mail.subject.hold", about.Owner.NeutralName), body.ToString(), lang),
            cancellationToken: cancellationToken, enlistIn: transaction);
    }

    public Task QueueConfirmedAsync(BookingView booking, string manageToken, string baseUrl, DbTransaction transaction, CancellationToken cancellationToken) =>
        QueueAsync(booking, manageToken, baseUrl, "confirmed", null, transaction, cancellationToken);

    public Task QueueChangedAsync(BookingView booking, string manageToken, string baseUrl, string? message, DbTransaction transaction, CancellationToken cancellationToken) =>
        QueueAsync(booking, manageToken, baseUrl, "changed", message, transaction, cancellationToken);

    public Task QueueCancelledAsync(BookingView booking, string baseUrl, string? message, DbTransaction transaction, CancellationToken cancellationToken) =>
        QueueAsync(booking, null, baseUrl, "cancelled", message, transaction, cancellationToken);

    /// <summary>The calendar file of a booking as it is now (REQUEST, or CANCEL once cancelled).</summary>
    public async Task<string> CalendarAsync(BookingView booking, CancellationToken cancellationToken)
    {
        var owner = await setup.OwnerAsync(booking.CentreId, cancellationToken);
        return CalendarFile.Write(Entry(booking, owner?.NeutralName ?? "Beratung"), Now, options.From);
    }

    private async Task QueueAsync(BookingView booking, string? manageToken, string baseUrl, string kind, string? message, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // the previous reminder (of the previous SEQUENCE) no longer fits: withdraw it if it still waits
        if (booking.Sequence > 0) await queue.CancelAsync(ReminderKey(booking.Id, booking.Sequence - 1), cancellationToken, transaction);
        if (booking.Email is not { } to) return;

        var about = await AboutAsync(booking.TypeId, cancellationToken);
        var lang = booking.Language;
        var entry = Entry(booking, about.Owner.NeutralName);
        var calendar = new MailAttachment(CalendarFileName, CalendarFile.MediaType(entry), Encoding.UTF8.GetBytes(CalendarFile.Write(entry, Now, options.From)));
        var body = Body(booking, about, manageToken, baseUrl, $"mail.{kind}.lead", message);
        await queue.EnqueueAsync(about.Owner.Tenant, $"appointment.{kind}",
            new QueuedMail(to, texts.Get(lang, $"mail.subject.{kind}", about.Owner.NeutralName), body, lang, [calendar]), cancellationToken: cancellationToken, enlistIn: transaction);

        var remindAt = booking.Start - Duration.FromHours(options.ReminderHoursBefore);
        if (booking.Status != BookingStatus.Booked || remindAt <= Now) return;
        var reminder = Body(booking, about, manageToken, baseUrl, "mail.reminder.lead", null);
        await queue.EnqueueAsync(about.Owner.Tenant, "appointment.reminder",
            new QueuedMail(to, texts.Get(lang, "mail.subject.reminder", about.Owner.NeutralName), reminder, lang, [calendar]),
            remindAt.ToDateTimeUtc(), ReminderKey(booking.Id, booking.Sequence), cancellationToken, transaction);
    }

    private string Body(BookingView booking, About about, string? manageToken, string baseUrl, string leadKey, string? message)
    {
        var lang = booking.Language;
        var body = new StringBuilder()
            .AppendLine(Greeting(booking.Name, lang)).AppendLine()
            .AppendLine(texts.Get(lang, leadKey, about.Owner.NeutralName)).AppendLine()
            .AppendLine(Title(about.Type, lang)).AppendLine(texts.When(lang, booking.Start, booking.End));
        if (Way(about, lang) is { } way) body.AppendLine(way);
        if (message is { Length: > 0 }) body.AppendLine().AppendLine(texts.Get(lang, "mail.message")).AppendLine(message.Trim());
        if (manageToken is not null) body.AppendLine().AppendLine(texts.Get(lang, "mail.manage")).AppendLine(baseUrl + AppointmentRoutes.Manage(lang, booking.Id, manageToken));
        return body.AppendLine().AppendLine(texts.Get(lang, "mail.calendar")).ToString();
    }

    /// <summary>By name when the type asked for one and it was given; else a greeting without (phone and "Anliegen" never go into a mail).</summary>
    private string Greeting(string name, string lang) => name.Length > 0 ? texts.Get(lang, "mail.greeting", name) : texts.Get(lang, "mail.greetingNoName");

    private string? Way(About about, string lang) => about.Type.Way switch
    {
        MeetingWay.OnSite when about.Address is { } address => texts.Get(lang, "way.onSite.at", address),
        var way => texts.Get(lang, $"way.{way.ToString().ToLowerInvariant()}"),
    };

    private static string Title(AppointmentType type, string lang) => type.Title.GetValueOrDefault(lang) ?? type.Title["de"];

    private static CalendarEntry Entry(BookingView booking, string neutralName) =>
        new(booking.Id, booking.Sequence, booking.Start, booking.End, neutralName, null, null, booking.Status == BookingStatus.Cancelled);

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private async Task<About> AboutAsync(Guid typeId, CancellationToken cancellationToken)
    {
        var type = await setup.TypeAsync(typeId, cancellationToken) ?? throw new InvalidOperationException($"Appointment type {typeId} is gone.");
        var owner = await setup.OwnerAsync(type.CentreId, cancellationToken) ?? throw new InvalidOperationException($"Centre {type.CentreId} has no appointment settings.");
        var calendar = await calendars.FindAsync(type.CentreId, "de", cancellationToken);
        return new About(type, owner, calendar?.Address);
    }

    private sealed record About(AppointmentType Type, CalendarOwnerRow Owner, string? Address);
}
