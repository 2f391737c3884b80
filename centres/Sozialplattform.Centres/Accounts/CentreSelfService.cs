using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Validation;

namespace Sozialplattform.Centres.Accounts;

/// <summary>The answer to a self-service step: done, or why not (errors as data when the record was refused).</summary>
public sealed record SelfServiceResult(SaveOutcome Outcome, IReadOnlyList<CentreError> Errors)
{
    public static readonly SelfServiceResult NotFound = new(SaveOutcome.NotFound, []);
}

/// <summary>
/// Everything centre staff may do, each call scoped to the account: a centre outside the account's scope is
/// <see cref="SaveOutcome.NotFound"/> — the same answer as an id that does not exist, so ids reveal nothing. Records are
/// checked like imports; the carrier of a centre cannot be changed here.
/// </summary>
public sealed class CentreSelfService(CentreStore store, CentreCheck check)
{
    public static bool MayKeep(CentreAccountRow account, CentreRow centre) =>
        account.Role == CentreRole.Staff && centre.Tenant == account.Tenant && (account.CarrierKey is { } carrier ? centre.CarrierKey == carrier : account.Centres().Contains(centre.Id));

    public async Task<IReadOnlyList<CentreRow>> ListAsync(CentreAccountRow account, CancellationToken cancellationToken = default) =>
        (await store.AllAsync(account.Tenant, cancellationToken)).Where(c => MayKeep(account, c)).ToList();

    public async Task<CentreRow?> OpenAsync(CentreAccountRow account, Guid id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(id, cancellationToken) is { } centre && MayKeep(account, centre) ? centre : null;

    public async Task<SelfServiceResult> SaveAsync(CentreAccountRow account, Guid id, CentreRecord record, int revision, CancellationToken cancellationToken = default)
    {
        if (await OpenAsync(account, id, cancellationToken) is not { } centre) return SelfServiceResult.NotFound;
        if (record.Carrier?.Key != centre.CarrierKey) return new(SaveOutcome.WrongState, [new("carrier.key", "carrierFixed", centre.CarrierKey)]);
        var (checkedRecord, errors) = await check.PrepareAsync(record with { ExternalId = CentreJson.Read(centre.Working).ExternalId });
        if (checkedRecord is null) return new(SaveOutcome.WrongState, errors);
        return new(await store.SaveWorkingAsync(id, checkedRecord, revision, Who(account), cancellationToken), []);
    }

    public async Task<SelfServiceResult> SubmitAsync(CentreAccountRow account, Guid id, int revision, CancellationToken cancellationToken = default) =>
        await OpenAsync(account, id, cancellationToken) is null ? SelfServiceResult.NotFound
            : new(await store.SubmitForReviewAsync(id, revision, Who(account), cancellationToken), []);

    public async Task<SelfServiceResult> ConfirmAsync(CentreAccountRow account, Guid id, int revision, CancellationToken cancellationToken = default) =>
        await OpenAsync(account, id, cancellationToken) is null ? SelfServiceResult.NotFound
            : new(await store.ConfirmAsync(id, revision, Who(account), cancellationToken), []);

    /// <summary>The editorial team's queue: the tenant's centres with a change in review (empty for staff).</summary>
    public async Task<IReadOnlyList<CentreRow>> ReviewQueueAsync(CentreAccountRow editor, CancellationToken cancellationToken = default) =>
        editor.Role == CentreRole.Editor ? await store.InReviewAsync(editor.Tenant, cancellationToken) : [];

    /// <summary>A centre in review with what changed against its public copy, for an editor of its tenant; else null.</summary>
    public async Task<(CentreRow Centre, IReadOnlyList<FieldChange> Changes)?> ReviewAsync(CentreAccountRow editor, Guid id, CancellationToken cancellationToken = default) =>
        editor.Role == CentreRole.Editor && await store.FindAsync(id, cancellationToken) is { } centre && centre.Tenant == editor.Tenant
            ? (centre, FieldDiff.Between(centre.Published, centre.Working))
            : null;

    /// <summary>The editor accepts the change: the working copy becomes public. Staff and other tenants: not found.</summary>
    public async Task<SelfServiceResult> ApproveAsync(CentreAccountRow editor, Guid id, int revision, CancellationToken cancellationToken = default) =>
        await ReviewAsync(editor, id, cancellationToken) is null ? SelfServiceResult.NotFound
            : new(await store.PublishAsync(id, revision, Who(editor), cancellationToken), []);

    /// <summary>The editor sends the change back with a reason (required); the public copy stays.</summary>
    public async Task<SelfServiceResult> RejectAsync(CentreAccountRow editor, Guid id, int revision, string reason, CancellationToken cancellationToken = default)
    {
        if (await ReviewAsync(editor, id, cancellationToken) is null) return SelfServiceResult.NotFound;
        if (reason.Trim() is not { Length: > 0 and <= 2000 } text) return new(SaveOutcome.WrongState, [new("reason", reason.Trim().Length == 0 ? "required" : "tooLong", "2000")]);
        return new(await store.RejectAsync(id, revision, Who(editor), cancellationToken, text), []);
    }

    private static string Who(CentreAccountRow account) => account.Actor();
}
