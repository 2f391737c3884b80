using Sozialplattform.Appointments.Booking;
using NodaTime;

namespace Sozialplattform.Appointments.Web.Seeker;

/// <summary>
/// The booking steps as the pages (and the back office) take them: the store's step, then its e-mail. A mail is queued
/// only after its step was stored; a step that was refused queues nothing.
/// </summary>
public sealed class SeekerBooking(BookingStore store, AppointmentMails mails)
{
    public BookingStore Store => store;

    public async Task<BookingOutcome> BookAsync(BookingRequest request, string baseUrl, CancellationToken cancellationToken)
    {
        var outcome = await store.BookAsync(request, cancellationToken);
        if (outcome is Held held) await mails.QueueHoldAsync(held, request, baseUrl, cancellationToken);
        return outcome;
    }

    public async Task<BookingOutcome> ConfirmAsync(Guid bookingId, string confirmToken, string baseUrl, CancellationToken cancellationToken)
    {
        var outcome = await store.ConfirmAsync(bookingId, confirmToken, cancellationToken);
        if (outcome is Booked booked && await store.FindAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken), cancellationToken) is { } view)
            await mails.QueueConfirmedAsync(view, booked.ManageToken, baseUrl, cancellationToken);
        return outcome;
    }

    public async Task<BookingOutcome> MoveAsync(BookingKey key, Guid counsellorId, Instant start, string baseUrl, string? message, CancellationToken cancellationToken)
    {
        var outcome = await store.MoveAsync(key, counsellorId, start, cancellationToken);
        if (outcome is Changed { ManageToken: { } token } changed) await mails.QueueChangedAsync(changed.Booking, token, baseUrl, message, cancellationToken);
        return outcome;
    }

    public async Task<BookingOutcome> CancelAsync(BookingKey key, string baseUrl, string? message, CancellationToken cancellationToken)
    {
        var outcome = await store.CancelAsync(key, cancellationToken);
        if (outcome is Changed changed) await mails.QueueCancelledAsync(changed.Booking, baseUrl, message, cancellationToken);
        return outcome;
    }
}
