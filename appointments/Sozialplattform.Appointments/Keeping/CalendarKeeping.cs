using Sozialplattform.Centres.Accounts;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Appointments.Keeping;

/// <summary>
/// Who owns a calendar: a counselling centre (its id is the centre's; kept by the centre's self-service staff) or an
/// authority of the tenant folder (<c>authorities.json</c>; a calendar id of its own, kept by the authority's caseworkers
/// in the inbox). An authority may have several calendars (the Wohngeldstelle's, the general consultation hours).
/// </summary>
public enum OwnerKind { Centre, Authority }

/// <summary>Someone signed in who asks to keep a calendar: centre staff (the centres' self-service session) or a caseworker (the inbox session).</summary>
public abstract record Keeper(string Login)
{
    public sealed record CentreStaff(CentreAccountRow Account) : Keeper(Account.Login);

    public sealed record Caseworker(CaseworkerAccount Account) : Keeper(Account.Login);
}

/// <summary>A calendar its keeper may keep: the id every appointments table is keyed by, the owner's kind, the tenant and the name staff see.</summary>
public sealed record KeptCalendar(Guid Id, OwnerKind Kind, string Tenant, string Name);

/// <summary>
/// The one question every back-office request asks, answered per owner kind: may this keeper keep this calendar? Null
/// means no — for a calendar of another centre or authority, of the other kind, or one that does not exist alike, so
/// that the answer (404) does not tell them apart.
/// </summary>
public interface ICalendarKeeperCheck
{
    OwnerKind Kind { get; }

    Task<KeptCalendar?> OpenAsync(Keeper keeper, Guid calendarId, CancellationToken cancellationToken = default);
}
