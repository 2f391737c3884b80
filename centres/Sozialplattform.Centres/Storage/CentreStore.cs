using Microsoft.EntityFrameworkCore;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Storage;

public enum ImportOutcome
{
    Created,
    Changed,
    Unchanged,
}

public enum SaveOutcome
{
    Saved,
    NotFound,

    /// <summary>Someone else saved since the editor opened the record; nothing was written.</summary>
    Conflict,

    /// <summary>The step is not possible in the record's state (e.g. publishing what is not in review).</summary>
    WrongState,
}

/// <summary>
/// Reads and writes centres, each write in one transaction together with its change history (who, when, field, old,
/// new). Records reaching this store are already checked (<see cref="Validation.CentreCheck"/>).
/// </summary>
public sealed class CentreStore(CentresDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long _version;

    /// <summary>Rises with every write of this process; the finder's index rebuilds when it moved.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Creates or updates the centre with the record's external id and publishes it; the same record again changes nothing.</summary>
    /// <param name="apply">False: only say what would happen (dry run), write nothing.</param>
    public async Task<(ImportOutcome Outcome, Guid Id)> ImportAsync(string tenant, CentreRecord record, string who, CancellationToken cancellationToken = default, bool apply = true)
    {
        var json = CentreJson.Write(record);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await context.Centres.FirstOrDefaultAsync(c => c.Tenant == tenant && c.ExternalId == record.ExternalId, cancellationToken);
        if (row is not null && row.Working == json && row.Published == json) return (ImportOutcome.Unchanged, row.Id);

        var now = Now();
        var outcome = row is null ? ImportOutcome.Created : ImportOutcome.Changed;
        if (!apply) return (outcome, row?.Id ?? Guid.Empty);
        var before = row?.Working;
        if (row is null) row = context.Centres.Add(NewRow(tenant, record, json, now)).Entity;
        else row.Revision++;
        Apply(row, record, json, now);
        row.Published = json;
        row.PublishedAt = now;
        row.Status = CentreStatus.Published;
        row.LastConfirmedAt = now;
        Record(context, row.Id, who, "imported", before, json, now);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Interlocked.Increment(ref _version);
        return (outcome, row.Id);
    }

    /// <summary>A new centre as a draft (not public until reviewed and published).</summary>
    public async Task<Guid> CreateDraftAsync(string tenant, CentreRecord record, string who, CancellationToken cancellationToken = default)
    {
        var json = CentreJson.Write(record);
        await using var context = database.CreateContext();
        var row = context.Centres.Add(NewRow(tenant, record, json, Now())).Entity;
        Record(context, row.Id, who, "created", null, json, row.CreatedAt);
        await context.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>Saves an editor's working copy if nobody saved since <paramref name="expectedRevision"/>; the public copy stays.</summary>
    public Task<SaveOutcome> SaveWorkingAsync(Guid id, CentreRecord record, int expectedRevision, string who, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedRevision, who, "edited", row => row.Status is CentreStatus.Draft or CentreStatus.Published or CentreStatus.InReview, row =>
        {
            var json = CentreJson.Write(record);
            var before = row.Working;
            Apply(row, record, json, Now());
            row.Status = row.Status == CentreStatus.InReview ? CentreStatus.InReview : CentreStatus.Draft;
            return (before, json);
        }, cancellationToken);

    public Task<SaveOutcome> SubmitForReviewAsync(Guid id, int expectedRevision, string who, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedRevision, who, "submitted", row => row.Status == CentreStatus.Draft, row =>
        {
            row.Status = CentreStatus.InReview;
            return (null, null);
        }, cancellationToken);

    /// <summary>The reviewer accepts: the working copy becomes the public one.</summary>
    public Task<SaveOutcome> PublishAsync(Guid id, int expectedRevision, string who, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedRevision, who, "published", row => row.Status == CentreStatus.InReview, row =>
        {
            var before = row.Published;
            row.Published = row.Working;
            row.PublishedAt = row.LastConfirmedAt = Now();
            row.Status = CentreStatus.Published;
            return (before, row.Working);
        }, cancellationToken);

    /// <summary>The reviewer sends the change back with the reason (kept in the step's history entry); it stays a draft, the public copy is untouched.</summary>
    public Task<SaveOutcome> RejectAsync(Guid id, int expectedRevision, string who, CancellationToken cancellationToken = default, string? reason = null) =>
        StepAsync(id, expectedRevision, who, "rejected", row => row.Status == CentreStatus.InReview, row =>
        {
            row.Status = CentreStatus.Draft;
            return (null, null);
        }, cancellationToken, reason);

    /// <summary>"Daten bestätigen": the centre says its public data is still right.</summary>
    public Task<SaveOutcome> ConfirmAsync(Guid id, int expectedRevision, string who, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedRevision, who, "confirmed", row => row.Published is not null, row =>
        {
            row.LastConfirmedAt = Now();
            row.ReminderSentAt = null;
            return (null, null);
        }, cancellationToken);

    /// <summary>Notes that the confirmation reminder of the current period is queued (not a change of the record: no revision, no history).</summary>
    public async Task MarkRemindedAsync(Guid id, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await context.Centres.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentAt, at), cancellationToken);
    }

    public async Task<CentreRow?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Centres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Every centre of a tenant with a public copy (archived ones excluded), for the finder's index.</summary>
    public async Task<IReadOnlyList<CentreRow>> PublishedAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Centres.AsNoTracking()
            .Where(c => c.Tenant == tenant && c.Published != null && c.Status != CentreStatus.Archived)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CentreRow>> AllAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Centres.AsNoTracking().Where(c => c.Tenant == tenant).OrderBy(c => c.ExternalId).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The tenant's centres whose change waits for the editorial review, oldest first.</summary>
    public async Task<IReadOnlyList<CentreRow>> InReviewAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Centres.AsNoTracking().Where(c => c.Tenant == tenant && c.Status == CentreStatus.InReview).OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CentreChangeRow>> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Changes.AsNoTracking().Where(c => c.CentreId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A number that changes with every write to the tenant's centres by any host (every write raises a revision or adds a
    /// row): one cheap aggregate, for the finder's index on other hosts to notice changes.
    /// </summary>
    public async Task<long> SignatureAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Centres.Where(c => c.Tenant == tenant).SumAsync(c => (long)c.Revision + 1, cancellationToken);
    }

    public async Task<bool> AnyAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Centres.AnyAsync(c => c.Tenant == tenant, cancellationToken);
    }

    private async Task<SaveOutcome> StepAsync(Guid id, int expectedRevision, string who, string action, Func<CentreRow, bool> allowed,
        Func<CentreRow, (string? Before, string? After)> change, CancellationToken cancellationToken, string? note = null)
    {
        await using var context = database.CreateContext();
        var row = await context.Centres.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null) return SaveOutcome.NotFound;
        if (row.Revision != expectedRevision) return SaveOutcome.Conflict;
        if (!allowed(row)) return SaveOutcome.WrongState;
        var (before, after) = change(row);
        row.Revision++;
        row.UpdatedAt = Now();
        Record(context, row.Id, who, action, before, after, row.UpdatedAt, note);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }

        Interlocked.Increment(ref _version);
        return SaveOutcome.Saved;
    }

    private static CentreRow NewRow(string tenant, CentreRecord record, string json, DateTime now) => new()
    {
        Id = Guid.NewGuid(), Tenant = tenant, ExternalId = record.ExternalId, CarrierKey = record.Carrier.Key, Name = record.Name.Resolve(Texts.German).Text,
        Working = json, Status = CentreStatus.Draft, CreatedAt = now, UpdatedAt = now,
    };

    private static void Apply(CentreRow row, CentreRecord record, string json, DateTime now)
    {
        row.Working = json;
        row.ExternalId = record.ExternalId;
        row.CarrierKey = record.Carrier.Key;
        row.Name = record.Name.Resolve(Texts.German).Text;
        row.UpdatedAt = now;
    }

    /// <summary>The step itself, then one entry per changed field (when the step changes data).</summary>
    /// <param name="note">Said with the step (a rejection's reason), kept as the step entry's new value.</param>
    private static void Record(CentresDbContext context, Guid centre, string who, string action, string? before, string? after, DateTime at, string? note = null)
    {
        context.Changes.Add(new CentreChangeRow { CentreId = centre, At = at, Who = who, Action = action, NewValue = note });
        if (after is null || before == after) return;
        foreach (var change in FieldDiff.Between(before, after))
            context.Changes.Add(new CentreChangeRow { CentreId = centre, At = at, Who = who, Action = action, Field = change.Field, OldValue = change.Old, NewValue = change.New });
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;
}
