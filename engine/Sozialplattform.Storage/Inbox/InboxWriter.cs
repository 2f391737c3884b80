using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// Puts a delivered submission into an authority's built-in inbox; the same delivery id twice is stored once.
/// On the way in it keeps what the list needs without decrypting every submission: the applicant's name
/// (encrypted) and the blind index of the name words (<see cref="InboxSearch"/>). When the application names a file or
/// customer number in the field its form declares, the case is linked to the authority's file of that number (only
/// this authority's: another authority's file of the same number is never touched), or the number is kept as the
/// caseworker's suggestion — a file is never opened by itself.
/// </summary>
public sealed class InboxWriter(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Returns the inbox item's id; <c>Created</c> is false when this delivery had arrived before.</summary>
    public async Task<(Guid ItemId, bool Created)> ReceiveAsync(Guid deliveryId, Guid submissionId, string tenantId, string authorityId, string? caseFileNumber = null, CancellationToken cancellationToken = default)
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
                TenantId = tenantId, AuthorityId = authorityId, ReceivedAt = _clock.GetUtcNow().UtcDateTime, Status = submission.Status,
            };
            item.ChangedAt = item.ReceivedAt;
            if (ApplicantNames.DisplayName(answers) is { } name) item.ApplicantNameCipher = database.Protector.ProtectText(name, item.Id);
            context.InboxItems.Add(item);
            if (!await context.InboxSearchTokens.AnyAsync(t => t.SubmissionId == submissionId, cancellationToken))
                context.InboxSearchTokens.AddRange(InboxSearch.Tokens(database.Protector, ApplicantNames.SearchWords(answers))
                    .Select(token => new InboxSearchToken { SubmissionId = submissionId, Token = token }));
            context.AuditLog.Add(new AuditLogEntry { At = item.ReceivedAt, Actor = "system", Action = "inbox.received", SubmissionId = submissionId, Details = $"delivery {deliveryId} to {authorityId}" });
            if (FileNumbers.Normalize(caseFileNumber) is { } number) await LinkOrSuggestAsync(context, item, number, cancellationToken);
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

    /// <summary>Links the new case to its authority's file of <paramref name="number"/>, or keeps the number as a suggestion; audited as <c>case.file</c> by "system".</summary>
    private async Task LinkOrSuggestAsync(SozialDbContext context, InboxItem item, string number, CancellationToken cancellationToken)
    {
        var dossierId = await context.Dossiers.Where(d => d.TenantId == item.TenantId && d.AuthorityId == item.AuthorityId && d.FileNumber == number)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (dossierId is not null) item.DossierId = dossierId;
        else item.SuggestedFileNumberCipher = database.Protector.ProtectText(number, item.Id);
        context.AuditLog.Add(new AuditLogEntry
        {
            At = item.ReceivedAt, Actor = "system", Action = "case.file", SubmissionId = item.SubmissionId,
            Details = dossierId is not null ? "auto-link " + number : "suggest (no file of this number)",
        });
    }
}
