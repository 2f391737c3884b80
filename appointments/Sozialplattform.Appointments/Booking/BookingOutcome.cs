using System.Data.Common;
using NodaTime;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;

namespace Sozialplattform.Appointments.Booking;

/// <summary>Why a booking step was refused; each has its own message at the edge. Nothing is stored by a refused step.</summary>
public enum BookingRefusal
{
    UnknownType,
    NameMissing,
    NameTooLong,
    NameMalformed,
    EmailMissing,
    EmailMalformed,
    PhoneMissing,
    PhoneMalformed,
    ConcernMissing,
    ConcernTooLong,
    ConcernMalformed,

    /// <summary>The centre deactivated the type: no new bookings (existing ones stay and can be moved or cancelled).</summary>
    TypeInactive,
    SlotInPast,
    OutsideAvailability,

    /// <summary>Someone else got the slot first (also when the database refused the second of two racing bookings).</summary>
    SlotTaken,
    HoldExpired,

    /// <summary>The token or code does not open this booking: unknown, altered, of another booking, or revoked.</summary>
    NotFound,
    AlreadyCancelled,
    AlreadyConfirmed,

    /// <summary>"Nicht erschienen" before the appointment began.</summary>
    NotYetStarted,
}

public abstract record BookingOutcome;

/// <summary>Booked: the seeker's manage token and booking code, shown or sent once and stored only as hashes.</summary>
public sealed record Booked(Guid BookingId, string ManageToken, string Code, Slot Slot) : BookingOutcome;

/// <summary>Held until <paramref name="ExpiresAt"/> for the double opt-in: the link with <paramref name="ConfirmToken"/> books it.</summary>
public sealed record Held(Guid BookingId, string ConfirmToken, Instant ExpiresAt, Slot Slot) : BookingOutcome;

/// <summary>
/// Moved or cancelled: the booking as it is now (its SEQUENCE raised). A move issues a new manage token (the old link
/// stops working; the change e-mail and the new reminder carry the new one); a cancellation revokes it.
/// </summary>
public sealed record Changed(BookingView Booking, string? ManageToken = null) : BookingOutcome;

/// <summary>Refused; for a slot that is taken or gone, the next free ones; for answers, every problem with its field.</summary>
public sealed record Refused(BookingRefusal Reason, IReadOnlyList<Slot> NextFree, IReadOnlyList<InputProblem>? Problems = null) : BookingOutcome
{
    public Refused(BookingRefusal reason) : this(reason, []) { }
}

/// <summary>
/// A step as stored but not yet committed: what work that must commit with it (its e-mails, through the platform's
/// mail queue enlisted in <paramref name="Transaction"/>) needs. If that work fails, the step is not stored either.
/// </summary>
public sealed record StoredStep(BookingOutcome Outcome, BookingView Booking, DbTransaction Transaction);

/// <summary>
/// What a seeker asks to book: the answers to the type's questions, and — when signed in with a citizen login — the
/// portal's pseudonym of that login (<c>LoginGate.Pseudonym</c>), stored only as the account owner's keyed token so that
/// "Mein Konto" can list the booking.
/// </summary>
public sealed record BookingRequest(Guid TypeId, Guid CounsellorId, Instant Start, string Name, string? Email, string Language,
    string? Phone = null, string? Concern = null, string? OwnerPseudonym = null)
{
    public SeekerAnswers Answers => new(Name, Email, Phone, Concern);
}

/// <summary>How a seeker (or staff) names a booking: the manage link's token, or the booking code with the pseudonym.</summary>
public abstract record BookingKey
{
    public sealed record Token(Guid BookingId, string ManageToken) : BookingKey;
    public sealed record CodeAndName(string Code, string Name) : BookingKey;

    /// <summary>The signed-in citizen who made the booking ("Mein Konto"): only a booking stored with their owner token.</summary>
    public sealed record Owner(Guid BookingId, string OwnerPseudonym) : BookingKey;

    /// <summary>Centre staff, already scoped to the centre by the back office.</summary>
    public sealed record Staff(Guid BookingId, Guid CentreId) : BookingKey;
}

/// <summary>A booking as its pages and e-mails show it, decrypted.</summary>
public sealed record BookingView(
    Guid Id, Guid CentreId, Guid TypeId, Guid CounsellorId, Instant Start, Instant End, BookingStatus Status,
    string Name, string? Email, string Language, int Sequence, bool NoShow, string? Phone = null, string? Concern = null);
