using Sozialplattform.Appointments.Keeping;

namespace Sozialplattform.Appointments.Storage;

/// <summary>
/// A calendar and its owner: the neutral name every e-mail subject and calendar entry uses ("Termin bei …" — never the
/// owner's real name, which may reveal the topic) and the Land for holidays. A centre's calendar is keyed by the centre's
/// id (<see cref="CentreId"/>, the key every appointments table uses); an authority's by an id of its own, with the
/// authority's id from the tenant folder.
/// </summary>
public sealed class CalendarOwnerRow
{
    /// <summary>The calendar's id: the centre's id for a centre, a new id for an authority's calendar.</summary>
    public Guid CentreId { get; set; }
    public required string Tenant { get; set; }

    /// <summary>Set when the calendar is made; calendars from before authorities could own one are centres'.</summary>
    public OwnerKind Kind { get; set; } = OwnerKind.Centre;

    /// <summary>The owning authority's id in <c>authorities.json</c> (null for a centre).</summary>
    public string? AuthorityId { get; set; }
    public required string NeutralName { get; set; }

    /// <summary>2-digit ARS of the Land whose public holidays close the counsellors' weeks.</summary>
    public string? State { get; set; }
}

/// <summary>An appointment type; its rules as JSON (<see cref="AppointmentsJson"/>).</summary>
public sealed class AppointmentTypeRow
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public required string Definition { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A counsellor with the week and exceptions as JSON, and the hash of their private calendar feed's token.</summary>
public sealed class CounsellorRow
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public required string DisplayName { get; set; }
    public required string Schedule { get; set; }
    public string? FeedTokenHash { get; set; }
}

public enum BookingStatus { Held, Booked, Cancelled, Expired }

/// <summary>
/// One booking (or hold). Personal data — the name or pseudonym, the e-mail address — only encrypted with the booking's
/// id; the manage token, the booking code and the confirmation token only as hashes.
/// </summary>
public sealed class BookingRow
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public Guid TypeId { get; set; }
    public Guid CounsellorId { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public DateTime BlockedFrom { get; set; }
    public DateTime BlockedUntil { get; set; }
    public BookingStatus Status { get; set; }
    public DateTime? HoldExpiresAt { get; set; }
    public string? ConfirmTokenHash { get; set; }

    /// <summary>Null once revoked (cancellation).</summary>
    public string? ManageTokenHash { get; set; }
    public required string CodeHash { get; set; }
    public required byte[] NameCipher { get; set; }
    public byte[]? EmailCipher { get; set; }
    public byte[]? PhoneCipher { get; set; }

    /// <summary>The short "Anliegen", when the type asks for it.</summary>
    public byte[]? ConcernCipher { get; set; }
    public required string Language { get; set; }

    /// <summary>
    /// Booked while signed in with a citizen login: the account owner's keyed token (<c>AccountOwner.Token</c>, as drafts
    /// and submissions keep it) — never the login's subject. "Mein Konto" lists bookings by it.
    /// </summary>
    public string? OwnerToken { get; set; }

    /// <summary>The calendar file's SEQUENCE: raised by every move and by the cancellation.</summary>
    public int Sequence { get; set; }
    public bool NoShow { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One five-minute cell a booking or live hold keeps busy (its buffers included). The key (counsellor, cell) is the
/// database's guarantee against double booking: two overlapping bookings of one counsellor share a cell, so the second
/// insert fails — on SQLite and PostgreSQL alike, however many requests race.
/// </summary>
public sealed class BookingCellRow
{
    public Guid CounsellorId { get; set; }
    public DateTime Cell { get; set; }
    public Guid BookingId { get; set; }
}
