using Microsoft.EntityFrameworkCore;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres.Search;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Appointments.Keeping;

/// <summary>A calendar as the seeker meets it: whose it is (the centre's or the authority's name) and, for meetings on site, where.</summary>
public sealed record CalendarOwner(Guid Id, OwnerKind Kind, string Name, string? Address);

/// <summary>
/// Calendars by owner: the name and address a seeker's page and mail show (a centre's from its published record, an
/// authority's from the tenant folder's <c>authorities.json</c> as the platform database keeps it), an authority's
/// calendars, a new calendar for an authority, and the audit entry of a refused keeper.
/// </summary>
public sealed class CalendarDirectory(AppointmentsDatabase database, AppointmentSetup setup, CentreFinder centres)
{
    /// <summary>The owner of <paramref name="calendarId"/> in <paramref name="lang"/>, or null (no published centre, no authority calendar).</summary>
    public async Task<CalendarOwner?> FindAsync(Guid calendarId, string lang, CancellationToken cancellationToken = default)
    {
        var owner = await setup.OwnerAsync(calendarId, cancellationToken);
        if (owner is { Kind: OwnerKind.Authority, AuthorityId: { } authorityId })
            return await AuthorityAsync(owner.Tenant, authorityId, cancellationToken) is { } authority
                ? new CalendarOwner(calendarId, OwnerKind.Authority, authority.Name, AuthorityAddress(authority)) : null;
        if (await centres.FindAsync(calendarId, cancellationToken) is not { } centre) return null;
        var address = centre.Record.Address;
        return new CalendarOwner(calendarId, OwnerKind.Centre, centre.Record.Name.Resolve(lang).Text, $"{address.Street}, {address.PostalCode} {address.City}");
    }

    public async Task<string?> AuthorityNameAsync(string tenant, string authorityId, CancellationToken cancellationToken = default) =>
        (await AuthorityAsync(tenant, authorityId, cancellationToken))?.Name;

    /// <summary>The calendars of an authority, by neutral name.</summary>
    public async Task<IReadOnlyList<CalendarOwnerRow>> AuthorityCalendarsAsync(string tenant, string authorityId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Owners.AsNoTracking().Where(o => o.Tenant == tenant && o.Kind == OwnerKind.Authority && o.AuthorityId == authorityId).ToListAsync(cancellationToken);
        return rows.OrderBy(o => o.NeutralName, StringComparer.Ordinal).ToList();
    }

    /// <summary>A new calendar of an authority of the tenant folder, with its neutral name and Land (checked as for centres); the new id, or the problems.</summary>
    public async Task<(Guid? Id, IReadOnlyList<AppointmentError> Errors)> CreateAuthorityCalendarAsync(string tenant, string authorityId, string neutralName, string? state,
        CancellationToken cancellationToken = default)
    {
        if (await AuthorityAsync(tenant, authorityId, cancellationToken) is null) return (null, [new AppointmentError("authority", "unknown", authorityId)]);
        var id = Guid.NewGuid();
        var errors = await setup.SaveOwnerAsync(id, tenant, neutralName, state, OwnerKind.Authority, authorityId, cancellationToken);
        return errors.Count == 0 ? (id, []) : (null, errors);
    }

    /// <summary>A refused keeper (another authority's or centre's calendar, or one of the other kind) in the platform's audit log.</summary>
    public async Task AuditRefusalAsync(Keeper keeper, Guid calendarId, string request, CancellationToken cancellationToken = default)
    {
        var platform = database.Platform;
        await using var context = platform.CreateContext();
        context.AuditLog.Add(new AuditLogEntry { At = DateTime.UtcNow, Actor = keeper.Login, Action = "appointments.office.refused", Details = $"calendar {calendarId}: {request}" });
        using (await platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
    }

    private async Task<Authority?> AuthorityAsync(string tenant, string authorityId, CancellationToken cancellationToken)
    {
        await using var context = database.Platform.CreateContext();
        return await context.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.TenantId == tenant && a.Id == authorityId, cancellationToken);
    }

    /// <summary>The address lines after the name ("Rathausplatz 1", "12345 Teststadt") on one line.</summary>
    private static string? AuthorityAddress(Authority authority)
    {
        var lines = authority.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SkipWhile(line => line == authority.Name).ToList();
        return lines.Count > 0 ? string.Join(", ", lines) : null;
    }
}
