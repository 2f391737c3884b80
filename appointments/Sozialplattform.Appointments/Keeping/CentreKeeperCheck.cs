using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres.Accounts;

namespace Sozialplattform.Appointments.Keeping;

/// <summary>Centres' calendars: staff who keep the centre in the self-service (<see cref="CentreSelfService.OpenAsync"/>: its centres or its carrier's).</summary>
public sealed class CentreKeeperCheck(CentreSelfService selfService, AppointmentSetup setup) : ICalendarKeeperCheck
{
    public OwnerKind Kind => OwnerKind.Centre;

    public async Task<KeptCalendar?> OpenAsync(Keeper keeper, Guid calendarId, CancellationToken cancellationToken = default) =>
        keeper is Keeper.CentreStaff staff
        && await selfService.OpenAsync(staff.Account, calendarId, cancellationToken) is { } centre
        && (await setup.OwnerAsync(calendarId, cancellationToken))?.Kind is null or OwnerKind.Centre
            ? new KeptCalendar(centre.Id, OwnerKind.Centre, centre.Tenant, centre.Name)
            : null;
}
