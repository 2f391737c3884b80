using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// Puts a delivered submission into an authority's built-in inbox; the same delivery id twice is stored once.
/// On the way in it keeps what the list needs without decrypting every submission: the applicant's name
/// (encrypted) and the blind index of the name words (<see cref="InboxSearch"/>).
/// </summary>
public sealed class InboxWriter(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Returns the inbox item's id; <c>Created</c> is false when this delivery had arrived before.</summary>
    public async Task<(Guid ItemId, bool Created)> ReceiveAsync(Guid deliveryId, Guid submissionId, string tenantId, string authorityId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var context = database.CreateContext();
            var existing = await context.InboxItems.AsNoTracking().SingleOrDefaultAsync(i => i.DeliveryId == deliveryId, cancellationToken);
            if (existing is not null) return (existing.Id, false);
            var submission = await context.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId, cancellationToken);
            var answers = JsonNode.Parse(database.Protector.UnprotectText(submission.AnswersCipher, submissionId)) as JsonObject ?? [];
            var item = new InboxItem
            {
                Id = Guid.CreateVersion7(), DeliveryId = deliveryId, SubmissionId = submissionId,
                TenantId = tenantId, AuthorityId = authorityId, ReceivedAt = _clock.GetUtcNow().UtcDateTime,
            };
            item.ChangedAt = item.ReceivedAt;
            if (ApplicantNames.DisplayName(answers) is { } name) item.ApplicantNameCipher = database.Protector.ProtectText(name, item.Id);
            context.InboxItems.Add(item);
            if (!await context.InboxSearchTokens.AnyAsync(t => t.SubmissionId == submissionId, cancellationToken))
                context.InboxSearchTokens.AddRange(InboxSearch.Tokens(database.Protector, ApplicantNames.SearchWords(answers))
                    .Select(token => new InboxSearchToken { SubmissionId = submissionId, Token = token }));
            context.AuditLog.Add(new AuditLogEntry { At = item.ReceivedAt, Actor = "system", Action = "inbox.received", SubmissionId = submissionId, Details = $"delivery {deliveryId} to {authorityId}" });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return (item.Id, true);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // A parallel delivery of the same id won the unique index; the next loop returns it.
            }
        }
    }
}
