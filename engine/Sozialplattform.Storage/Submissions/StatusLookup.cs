using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Submissions;

/// <summary>What the applicant's status page shows: only with the reference number and the matching secret.</summary>
public sealed class StatusLookup(SozialDatabase database)
{
    public async Task<SubmissionStatusView?> FindAsync(string referenceNumber, string secret, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await context.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ReferenceNumber == referenceNumber, cancellationToken);
        // Same answer for "no such reference" and "wrong secret": the page must not reveal which references exist.
        if (submission is null || !SecretHashing.Matches(secret, submission.StatusSecretHash)) return null;

        var events = await context.StatusEvents.AsNoTracking()
            .Where(e => e.SubmissionId == submission.Id)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return new SubmissionStatusView(
            submission.ReferenceNumber,
            submission.FormId,
            submission.FormTitle,
            submission.CreatedAt,
            submission.Status,
            events.Select(e => new StatusStep(e.Status, e.CreatedAt, e.MessageCipher is null ? null : database.Protector.UnprotectText(e.MessageCipher, submission.Id))).ToList());
    }
}

public sealed record SubmissionStatusView(string ReferenceNumber, string FormId, string FormTitle, DateTime SubmittedAt, SubmissionStatus Status, IReadOnlyList<StatusStep> History);

public sealed record StatusStep(SubmissionStatus Status, DateTime At, string? Message);
