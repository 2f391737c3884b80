using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Storage.Submissions;

/// <summary>
/// What a signed-in citizen's "Mein Konto" page may reach: only drafts and submissions whose owner token is theirs
/// (<see cref="AccountOwner"/>). Every call takes the citizen's pseudonym, never an id alone, so another citizen's
/// draft or application is neither listed nor reachable by its id.
/// </summary>
public sealed class AccountStore(SozialDatabase database)
{
    /// <summary>At most this many of each kind are listed (newest first).</summary>
    public const int ListLimit = 50;

    public async Task<IReadOnlyList<OwnedDraft>> DraftsAsync(string tenantId, string ownerPseudonym, CancellationToken cancellationToken = default)
    {
        var token = AccountOwner.Token(database.Protector, ownerPseudonym);
        await using var context = database.CreateContext();
        var drafts = await context.Drafts.AsNoTracking()
            .Where(d => d.TenantId == tenantId && d.OwnerToken == token)
            .OrderByDescending(d => d.UpdatedAt).Take(ListLimit)
            .Select(d => new { d.Id, d.FormId, d.FormVersion, d.CreatedAt, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        return drafts.Select(d => new OwnedDraft(d.Id, d.FormId, d.FormVersion, d.CreatedAt, d.UpdatedAt)).ToList();
    }

    /// <summary>The secret that opens the draft for its owner (<see cref="AccountOwner.DraftSecret"/>), or null when it is not theirs or gone.</summary>
    public async Task<string?> DraftSecretAsync(string tenantId, Guid draftId, string ownerPseudonym, CancellationToken cancellationToken = default) =>
        await OwnsDraftAsync(tenantId, draftId, ownerPseudonym, cancellationToken) ? AccountOwner.DraftSecret(database.Protector, draftId) : null;

    /// <summary>Deletes the owner's draft with its uploads; false when it is not theirs (nothing is deleted).</summary>
    public async Task<bool> DeleteDraftAsync(string tenantId, Guid draftId, string ownerPseudonym, CancellationToken cancellationToken = default)
    {
        var token = AccountOwner.Token(database.Protector, ownerPseudonym);
        using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await context.Drafts.Where(d => d.Id == draftId && d.TenantId == tenantId && d.OwnerToken == token).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return false;
        await context.Attachments.Where(a => a.DraftId == draftId && a.SubmissionId == null).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The owner's submissions with the secret of each one's status page (the same secret the receipt showed).</summary>
    public async Task<IReadOnlyList<OwnedSubmission>> SubmissionsAsync(string tenantId, string ownerPseudonym, CancellationToken cancellationToken = default)
    {
        var token = AccountOwner.Token(database.Protector, ownerPseudonym);
        await using var context = database.CreateContext();
        var submissions = await context.Submissions.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.OwnerToken == token)
            .OrderByDescending(s => s.CreatedAt).Take(ListLimit)
            .Select(s => new { s.Id, s.ReferenceNumber })
            .ToListAsync(cancellationToken);
        return submissions.Select(s => new OwnedSubmission(s.ReferenceNumber, database.Protector.DeriveSecret(SubmissionStore.StatusSecretPurpose, s.Id))).ToList();
    }

    private async Task<bool> OwnsDraftAsync(string tenantId, Guid draftId, string ownerPseudonym, CancellationToken cancellationToken)
    {
        var token = AccountOwner.Token(database.Protector, ownerPseudonym);
        await using var context = database.CreateContext();
        return await context.Drafts.AnyAsync(d => d.Id == draftId && d.TenantId == tenantId && d.OwnerToken == token, cancellationToken);
    }
}

/// <summary>A draft on the owner's list: which form and when it was started and last changed (its content stays encrypted).</summary>
public sealed record OwnedDraft(Guid DraftId, string FormId, string FormVersion, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A submission on the owner's list: its reference and the secret of its status page and PDF copy.</summary>
public sealed record OwnedSubmission(string ReferenceNumber, string StatusSecret);
