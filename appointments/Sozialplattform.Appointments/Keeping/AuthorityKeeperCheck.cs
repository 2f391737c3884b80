using Sozialplattform.Appointments.Storage;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Appointments.Keeping;

/// <summary>
/// Authorities' calendars: caseworkers and leads of the owning authority in the calendar's tenant (the inbox session's
/// <see cref="CaseworkerAccount.AuthorityId"/>); operators, bound to no authority, keep none.
/// </summary>
public sealed class AuthorityKeeperCheck(AppointmentSetup setup, CalendarDirectory directory) : ICalendarKeeperCheck
{
    public OwnerKind Kind => OwnerKind.Authority;

    public async Task<KeptCalendar?> OpenAsync(Keeper keeper, Guid calendarId, CancellationToken cancellationToken = default)
    {
        if (keeper is not Keeper.Caseworker caseworker || caseworker.Account.Role == CaseworkerRole.Operator) return null;
        var account = caseworker.Account;
        if (await setup.OwnerAsync(calendarId, cancellationToken) is not { Kind: OwnerKind.Authority } owner
            || owner.Tenant != account.TenantId || owner.AuthorityId != account.AuthorityId) return null;
        var authority = await directory.AuthorityNameAsync(owner.Tenant, account.AuthorityId, cancellationToken) ?? account.AuthorityId;
        return new KeptCalendar(calendarId, OwnerKind.Authority, owner.Tenant, $"{authority} – {owner.NeutralName}");
    }
}
