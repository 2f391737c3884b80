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

    /// <summary>Centre staff book for a caller: booked at once; with an e-mail address, the confirmation mail goes to it.</summary>
    public async Task<BookingOutcome> BookForCallerAsync(BookingRequest request, string baseUrl, CancellationToken cancellationToken)
    {
        var outcome = await store.BookAsync(request, cancellationToken, byStaff: true);
        if (outcome is Booked booked && request.Email is { Length: > 0 }) await QueueConfirmedAsync(booked, baseUrl, cancellationToken);
        return outcome;
    }

    public async Task<BookingOutcome> ConfirmAsync(Guid bookingId, string confirmToken, string baseUrl, CancellationToken cancellationToken)
    {
        var outcome = await store.ConfirmAsync(bookingId, confirmToken, cancellationToken);
        if (outcome is Booked booked) await QueueConfirmedAsync(booked, baseUrl, cancellationToken);
        return outcome;
    }

    private async Task QueueConfirmedAsync(Booked booked, string baseUrl, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken), cancellationToken) is { } view)
            await mails.QueueConfirmedAsync(view, booked.ManageToken, baseUrl, cancellationToken);
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
