using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Submissions;

/// <summary>Save and resume: drafts and their uploads, opened only with the draft's secret.</summary>
public sealed class DraftStore(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Creates a draft; the returned secret is shown to the citizen once (e.g. in the resume link).</summary>
    public async Task<(Guid DraftId, string Secret)> CreateAsync(string tenantId, string formId, string formVersion, string contentHash, string answersJson, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var secret = SecretHashing.NewSecret();
        await using var context = database.CreateContext();
        context.Drafts.Add(new Draft
        {
            Id = id, SecretHash = SecretHashing.Hash(secret), TenantId = tenantId, FormId = formId, FormVersion = formVersion,
            ContentHash = contentHash, AnswersCipher = database.Protector.ProtectText(answersJson, id), CreatedAt = now, UpdatedAt = now,
        });
        await context.SaveChangesAsync(cancellationToken);
        return (id, secret);
    }

    /// <summary>Stores the draft's content; <paramref name="ownerPseudonym"/> (a signed-in citizen's) makes it theirs (<see cref="AccountOwner"/>).</summary>
    /// <remarks>
    /// One statement, no read first (every page post saves): the secret is checked in its condition — the stored hash of
    /// the resume link's secret, or the owner's secret, which only the server can compute and which opens only a draft
    /// that has an owner (<see cref="Opens"/>).
    /// </remarks>
    public async Task<bool> SaveAsync(Guid draftId, string secret, string answersJson, string? ownerPseudonym = null, CancellationToken cancellationToken = default)
    {
        var protector = database.Protector;
        var secretHash = SecretHashing.Hash(secret);
        var ownersSecret = AccountOwner.MatchesDraftSecret(protector, draftId, secret);
        var cipher = protector.ProtectText(answersJson, draftId);
        var owner = ownerPseudonym is null ? null : AccountOwner.Token(protector, ownerPseudonym);
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var context = database.CreateContext();
        var saved = await context.Drafts
            .Where(d => d.Id == draftId && (d.SecretHash == secretHash || ownersSecret && d.OwnerToken != null))
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(d => d.AnswersCipher, cipher).SetProperty(d => d.UpdatedAt, now);
                if (owner is not null) s.SetProperty(d => d.OwnerToken, owner);
            }, cancellationToken);
        return saved == 1;
    }

    /// <summary>The draft with its answers, or null if the id is unknown or the secret is wrong.</summary>
    public async Task<(Draft Draft, string AnswersJson)?> LoadAsync(Guid draftId, string secret, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var draft = await FindForReading.GetOrAdd(context.GetType(), _ => CompileFindForReading())(context, draftId);
        return draft is not null && Opens(secret, draft) ? (draft, database.Protector.UnprotectText(draft.AnswersCipher, draftId)) : null;
    }

    /// <summary>
    /// Every page view of the portal reads its draft: compiled once, and not tracked (nothing is changed). Once per
    /// context type, because a compiled query belongs to one model and a process may open SQLite and PostgreSQL.
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<SozialDbContext, Guid, Task<Draft?>>> FindForReading = new();

    private static Func<SozialDbContext, Guid, Task<Draft?>> CompileFindForReading() =>
        EF.CompileAsyncQuery((SozialDbContext context, Guid draftId) => context.Drafts.AsNoTracking().SingleOrDefault(d => d.Id == draftId));

    public async Task<Guid?> AddAttachmentAsync(Guid draftId, string secret, string fieldPath, string fileName, string mediaType, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await OpenAsync(context, draftId, secret, cancellationToken) is null) return null;
        var attachment = StoredAttachments.Create(database.Protector, AttachmentPurpose.Attachment, fieldPath, fileName, mediaType, content, _clock.GetUtcNow().UtcDateTime, draftId: draftId);
        context.Attachments.Add(attachment);
        await context.SaveChangesAsync(cancellationToken);
        return attachment.Id;
    }

    /// <summary>Deletes the draft's uploads whose ids are not in <paramref name="keep"/> (a removed file, or files of fields that are hidden at submit); false without the secret.</summary>
    public async Task<bool> PruneAttachmentsAsync(Guid draftId, string secret, IReadOnlySet<Guid> keep, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await OpenAsync(context, draftId, secret, cancellationToken) is null) return false;
        var stale = await context.Attachments.Where(a => a.DraftId == draftId).Select(a => a.Id).ToListAsync(cancellationToken);
        stale.RemoveAll(keep.Contains);
        if (stale.Count > 0) await context.Attachments.Where(a => stale.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes the drafts last changed before <paramref name="cutoff"/> with their uploads (retention of unsent
    /// applications) and returns how many drafts were deleted.
    /// </summary>
    public async Task<int> DeleteUnchangedSinceAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        var deleted = await context.Drafts.Where(d => d.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        // Uploads whose draft is gone: those just deleted, and any an upload racing an earlier deletion left behind.
        await context.Attachments
            .Where(a => a.SubmissionId == null && a.DraftId != null && !context.Drafts.Any(d => d.Id == a.DraftId))
            .ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }

    private async Task<Draft?> OpenAsync(SozialDbContext context, Guid draftId, string secret, CancellationToken cancellationToken)
    {
        var draft = await context.Drafts.SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        return draft is not null && Opens(secret, draft) ? draft : null;
    }

    /// <summary>The secret of the resume link, or — for a draft that has an owner — the secret "Mein Konto" gives its owner.</summary>
    private bool Opens(string secret, Draft draft) =>
        SecretHashing.Matches(secret, draft.SecretHash) || (draft.OwnerToken is not null && AccountOwner.MatchesDraftSecret(database.Protector, draft.Id, secret));
}
