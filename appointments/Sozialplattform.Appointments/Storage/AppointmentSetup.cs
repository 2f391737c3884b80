using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Keeping;

namespace Sozialplattform.Appointments.Storage;

/// <summary>
/// What a centre configures: its neutral name and Land, its appointment types and its counsellors' weeks. Read on
/// every booking and slot page, so a centre's whole setup is read in one go and kept for <paramref name="cacheFor"/>
/// (default 30 seconds); a save through this instance drops it at once. Another host sees a change after at most that time.
/// </summary>
public sealed class AppointmentSetup(AppointmentsDatabase database, TimeSpan? cacheFor = null)
{
    private readonly long _cacheTicks = (long)(cacheFor ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
    private readonly ConcurrentDictionary<Guid, (long LoadedAt, CentreSetup Setup)> _centres = new();
    private readonly ConcurrentDictionary<Guid, Guid> _typeCentres = new();

    /// <summary>Saves a centre's neutral name (one line, 3–80 characters) and Land (2-digit ARS 01–16 or none).</summary>
    public Task<IReadOnlyList<AppointmentError>> SaveOwnerAsync(Guid centreId, string tenant, string neutralName, string? state, CancellationToken cancellationToken = default) =>
        SaveOwnerAsync(centreId, tenant, neutralName, state, OwnerKind.Centre, null, cancellationToken);

    /// <summary>
    /// Saves a calendar's neutral name and Land; <paramref name="kind"/> and <paramref name="authorityId"/> are set when the
    /// calendar is created and never changed by a later save.
    /// </summary>
    public async Task<IReadOnlyList<AppointmentError>> SaveOwnerAsync(Guid centreId, string tenant, string neutralName, string? state, OwnerKind kind, string? authorityId,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<AppointmentError>();
        if (neutralName.Trim().Length is < 3 or > 80 || neutralName.Any(char.IsControl)) errors.Add(new("neutralName", "malformed", 3, 80));
        if (state is not null && !(state.Length == 2 && int.TryParse(state, out var land) && land is >= 1 and <= 16)) errors.Add(new("state", "unknown", state));
        if (errors.Count > 0) return errors;
        await using var context = database.CreateContext();
        var row = await context.Owners.FindAsync([centreId], cancellationToken);
        if (row is null) context.Owners.Add(new CalendarOwnerRow { CentreId = centreId, Tenant = tenant, NeutralName = neutralName.Trim(), State = state, Kind = kind, AuthorityId = authorityId });
        else (row.NeutralName, row.State) = (neutralName.Trim(), state);
        await context.SaveChangesAsync(cancellationToken);
        _centres.TryRemove(centreId, out _);
        return [];
    }

    public async Task<CalendarOwnerRow?> OwnerAsync(Guid centreId, CancellationToken cancellationToken = default) => (await CentreAsync(centreId, cancellationToken)).Owner;

    /// <summary>Saves a checked type (created or replaced); a type with problems is refused whole, with every problem.</summary>
    public async Task<IReadOnlyList<AppointmentError>> SaveTypeAsync(AppointmentType type, CancellationToken cancellationToken = default)
    {
        var errors = ScheduleCheck.Check(type);
        if (errors.Count > 0) return errors;
        await using var context = database.CreateContext();
        var row = await context.Types.FindAsync([type.Id], cancellationToken);
        if (row is null) context.Types.Add(new AppointmentTypeRow { Id = type.Id, CentreId = type.CentreId, Definition = AppointmentsJson.WriteType(type) });
        else if (row.CentreId != type.CentreId) return [new AppointmentError("id", "belongsToAnotherCentre")];
        else row.Definition = AppointmentsJson.WriteType(type);
        await context.SaveChangesAsync(cancellationToken);
        _centres.TryRemove(type.CentreId, out _);
        return [];
    }

    public async Task<IReadOnlyList<AppointmentError>> SaveCounsellorAsync(Counsellor counsellor, CancellationToken cancellationToken = default)
    {
        var errors = ScheduleCheck.Check(counsellor);
        if (errors.Count > 0) return errors;
        await using var context = database.CreateContext();
        var row = await context.Counsellors.FindAsync([counsellor.Id], cancellationToken);
        if (row is null) context.Counsellors.Add(new CounsellorRow { Id = counsellor.Id, CentreId = counsellor.CentreId, DisplayName = counsellor.DisplayName, Schedule = AppointmentsJson.WriteSchedule(counsellor) });
        else if (row.CentreId != counsellor.CentreId) return [new AppointmentError("id", "belongsToAnotherCentre")];
        else (row.DisplayName, row.Schedule) = (counsellor.DisplayName, AppointmentsJson.WriteSchedule(counsellor));
        await context.SaveChangesAsync(cancellationToken);
        _centres.TryRemove(counsellor.CentreId, out _);
        return [];
    }

    /// <summary>The types one can book now (active), for the seeker's choice and booking for a caller.</summary>
    public async Task<IReadOnlyList<AppointmentType>> TypesAsync(Guid centreId, CancellationToken cancellationToken = default) =>
        (await CentreAsync(centreId, cancellationToken)).Types.Where(t => t.Active).ToList();

    /// <summary>Every type, deactivated ones too: for the setup page and to show and move existing bookings.</summary>
    public async Task<IReadOnlyList<AppointmentType>> AllTypesAsync(Guid centreId, CancellationToken cancellationToken = default) =>
        (await CentreAsync(centreId, cancellationToken)).Types;

    /// <summary>Deactivates (no new bookings, no longer offered; existing bookings stay) or activates a type; false: not a type of the centre.</summary>
    public async Task<bool> SetActiveAsync(Guid centreId, Guid typeId, bool active, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var changed = await context.Types.Where(t => t.Id == typeId && t.CentreId == centreId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Active, active), cancellationToken);
        _centres.TryRemove(centreId, out _);
        return changed == 1;
    }

    /// <summary>A type by id, also a deactivated one (check <see cref="AppointmentType.Active"/> before a new booking).</summary>
    public async Task<AppointmentType?> TypeAsync(Guid typeId, CancellationToken cancellationToken = default)
    {
        if (!_typeCentres.TryGetValue(typeId, out var centreId))
        {
            await using var context = database.CreateContext();
            if (await context.Types.Where(t => t.Id == typeId).Select(t => (Guid?)t.CentreId).SingleOrDefaultAsync(cancellationToken) is not { } found) return null;
            centreId = _typeCentres.GetOrAdd(typeId, found);
        }

        return (await CentreAsync(centreId, cancellationToken)).Types.FirstOrDefault(t => t.Id == typeId);
    }

    public async Task<IReadOnlyList<Counsellor>> CounsellorsAsync(Guid centreId, CancellationToken cancellationToken = default) => (await CentreAsync(centreId, cancellationToken)).Counsellors;

    /// <summary>The centre's whole setup, from the cache while it is fresh, else read in one go.</summary>
    private async Task<CentreSetup> CentreAsync(Guid centreId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (_centres.TryGetValue(centreId, out var cached) && now - cached.LoadedAt < _cacheTicks) return cached.Setup;
        await using var context = database.CreateContext();
        var owner = await context.Owners.AsNoTracking().SingleOrDefaultAsync(o => o.CentreId == centreId, cancellationToken);
        var types = await context.Types.AsNoTracking().Where(t => t.CentreId == centreId).ToListAsync(cancellationToken);
        var counsellors = await context.Counsellors.AsNoTracking().Where(c => c.CentreId == centreId).OrderBy(c => c.DisplayName).ToListAsync(cancellationToken);
        var setup = new CentreSetup(owner,
            types.Select(AppointmentsJson.ReadType).OrderBy(t => t.Title["de"], StringComparer.Ordinal).ToList(),
            counsellors.Select(AppointmentsJson.ReadCounsellor).ToList());
        _centres[centreId] = (now, setup);
        return setup;
    }

    private sealed record CentreSetup(CalendarOwnerRow? Owner, IReadOnlyList<AppointmentType> Types, IReadOnlyList<Counsellor> Counsellors);
}
