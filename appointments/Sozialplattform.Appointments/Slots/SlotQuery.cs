using NodaTime;
using Sozialplattform.Appointments.Domain;

namespace Sozialplattform.Appointments.Slots;

/// <summary>
/// Everything the free slots depend on. <paramref name="State"/> is the 2-digit ARS of the centre's Land (its public
/// holidays close the week's windows); <paramref name="Busy"/> are the bookings and live holds of the type's counsellors.
/// </summary>
public sealed record SlotQuery(AppointmentType Type, IReadOnlyList<Counsellor> Counsellors, string? State, IReadOnlyList<Busy> Busy, Instant Now, Guid? NamedCounsellor = null);

/// <summary>An offered slot: when, and with whom it will be booked.</summary>
public sealed record Slot(Instant Start, Instant End, Guid CounsellorId);
