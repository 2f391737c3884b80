using NodaTime;
using Sozialplattform.Appointments.Booking;

namespace Sozialplattform.Appointments.Web.Seeker;

/// <summary>
/// The booking steps as the pages (and the back office) take them: the store's step and its e-mail in one transaction
/// (the mail queue enlists in the step's), so a crash or failure between them stores neither; a refused step queues nothing.
/// </summary>
public sealed class SeekerBooking(BookingStore store, AppointmentMails mails)
{
    public BookingStore Store => store;

    public Task<BookingOutcome> BookAsync(BookingRequest request, string baseUrl, CancellationToken cancellationToken) =>
        store.BookAsync(request, cancellationToken, alongside: (step, token) =>
            step.Outcome is Held held ? mails.QueueHoldAsync(held, step.Booking, baseUrl, step.Transaction, token) : Task.CompletedTask);

    /// <summary>Centre staff book for a caller: booked at once; with an e-mail address, the confirmation mail goes to it.</summary>
    public Task<BookingOutcome> BookForCallerAsync(BookingRequest request, string baseUrl, CancellationToken cancellationToken) =>
        store.BookAsync(request, cancellationToken, byStaff: true, alongside: (step, token) => QueueConfirmedAsync(step, baseUrl, token));

    public Task<BookingOutcome> ConfirmAsync(Guid bookingId, string confirmToken, string baseUrl, CancellationToken cancellationToken) =>
        store.ConfirmAsync(bookingId, confirmToken, cancellationToken, (step, token) => QueueConfirmedAsync(step, baseUrl, token));

    public Task<BookingOutcome> MoveAsync(BookingKey key, Guid counsellorId, Instant start, string baseUrl, string? message, CancellationToken cancellationToken) =>
        store.MoveAsync(key, counsellorId, start, cancellationToken, (step, token) =>
            step.Outcome is Changed { ManageToken: { } manage } ? mails.QueueChangedAsync(step.Booking, manage, baseUrl, message, step.Transaction, token) : Task.CompletedTask);

    public Task<BookingOutcome> CancelAsync(BookingKey key, string baseUrl, string? message, CancellationToken cancellationToken) =>
        store.CancelAsync(key, cancellationToken, (step, token) => mails.QueueCancelledAsync(step.Booking, baseUrl, message, step.Transaction, token));

    private Task QueueConfirmedAsync(StoredStep step, string baseUrl, CancellationToken cancellationToken) =>
        step.Outcome is Booked booked ? mails.QueueConfirmedAsync(step.Booking, booked.ManageToken, baseUrl, step.Transaction, cancellationToken) : Task.CompletedTask;
}
