using Microsoft.EntityFrameworkCore;
using Sozialplattform.Appointments.Domain;

namespace Sozialplattform.Appointments.Storage;

/// <summary>What a centre configures: its neutral name and Land, its appointment types and its counsellors' weeks.</summary>
public sealed class AppointmentSetup(AppointmentsDatabase database)
{
    /// <summary>Saves the neutral name (one line, 3–80 characters) and the Land (2-digit ARS 01–16 or none).</summary>
    public async Task<IReadOnlyList<AppointmentError>> SaveOwnerAsync(Guid centreId, string tenant, string neutralName, string? state, CancellationToken cancellationToken = default)
    {
        var errors = new List<AppointmentError>();
        if (neutralName.Trim().Length is < 3 or > 80 || neutralName.Any(char.IsControl)) errors.Add(new("neutralName", "malformed", 3, 80));
        if (state is not null && !(state.Length == 2 && int.TryParse(state, out var land) && land is >= 1 and <= 16)) errors.Add(new("state", "unknown", state));
        if (errors.Count > 0) return errors;
        await using var context = database.CreateContext();
        var row = await context.Owners.FindAsync([centreId], cancellationToken);
        if (row is null) context.Owners.Add(new CalendarOwnerRow { CentreId = centreId, Tenant = tenant, NeutralName = neutralName.Trim(), State = state });
        else (row.NeutralName, row.State) = (neutralName.Trim(), state);
        await context.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<CalendarOwnerRow?> OwnerAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Owners.AsNoTracking().SingleOrDefaultAsync(o => o.CentreId == centreId, cancellationToken);
    }

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
        return [];
    }

    public async Task<IReadOnlyList<AppointmentType>> TypesAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Types.AsNoTracking().Where(t => t.CentreId == centreId && t.Active).ToListAsync(cancellationToken);
        return rows.Select(AppointmentsJson.ReadType).OrderBy(t => t.Title["de"], StringComparer.Ordinal).ToList();
    }

    public async Task<AppointmentType?> TypeAsync(Guid typeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.Active, cancellationToken) is { } row ? AppointmentsJson.ReadType(row) : null;
    }

    public async Task<IReadOnlyList<Counsellor>> CounsellorsAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Counsellors.AsNoTracking().Where(c => c.CentreId == centreId).OrderBy(c => c.DisplayName).ToListAsync(cancellationToken);
        return rows.Select(AppointmentsJson.ReadCounsellor).ToList();
    }
}
