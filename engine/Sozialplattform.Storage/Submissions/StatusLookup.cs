using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Submissions;

/// <summary>What the applicant's status page shows: only with the reference number and the matching secret.</summary>
public sealed class StatusLookup(SozialDatabase database)
{
    /// <summary>The applicant's own answers and the authorities it went to, or null (unknown reference or wrong secret alike).</summary>
    public async Task<ApplicantCopy?> FindCopyAsync(string referenceNumber, string secret, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await context.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ReferenceNumber == referenceNumber, cancellationToken);
        if (submission is null || !SecretHashing.Matches(secret, submission.StatusSecretHash)) return null;
        var authorities = await context.Outbox.AsNoTracking()
            .Where(o => o.SubmissionId == submission.Id)
            .Join(context.Authorities.AsNoTracking(), o => new { o.TenantId, o.AuthorityId }, a => new { a.TenantId, AuthorityId = a.Id }, (o, a) => a.Name)
            .ToListAsync(cancellationToken);
        return new ApplicantCopy(submission.ReferenceNumber, submission.FormId, submission.FormVersion, submission.ContentHash, submission.Language,
            submission.CreatedAt, database.Protector.UnprotectText(submission.AnswersCipher, submission.Id), authorities.Distinct().Order(StringComparer.Ordinal).ToList())
        {
            PrefilledJson = submission.PrefilledJson,
        };
    }

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

/// <summary>What the applicant may read of their own submission (for their copy of the PDF): only with the secret.</summary>
public sealed record ApplicantCopy(string ReferenceNumber, string FormId, string FormVersion, string ContentHash, string Language, DateTime SubmittedAt, string AnswersJson, IReadOnlyList<string> AuthorityNames)
{
    /// <summary>Which answers came from the citizen's account, at which level (<see cref="Entities.Submission.PrefilledJson"/>).</summary>
    public string? PrefilledJson { get; init; }
}

public sealed record SubmissionStatusView(string ReferenceNumber, string FormId, string FormTitle, DateTime SubmittedAt, SubmissionStatus Status, IReadOnlyList<StatusStep> History);

public sealed record StatusStep(SubmissionStatus Status, DateTime At, string? Message);
