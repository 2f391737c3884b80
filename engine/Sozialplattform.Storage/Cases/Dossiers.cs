using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// Case files (Akten) of an authority: a case gets a file number — typed by the caseworker or generated in the
/// authority's format (<see cref="FileNumbers"/>) — or is linked to an existing file of the same authority, or unlinked.
/// Every call passes the inbox's gate and is audited as <c>case.file</c> ("new …", "link …", "unlink …"); a case of
/// another authority is refused (<c>case.file.refused</c>). A file number is unique within its authority; of two
/// caseworkers who give one case a file at the same moment, one wins and the other is told the case has one.
/// </summary>
public sealed class Dossiers(SozialDatabase database, TimeProvider? clock = null)
{
    private const int Attempts = 30;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The case's file with the authority's other cases in it (null number: no file), or null when the case is not visible.</summary>
    public async Task<DossierView?> OfAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var item = await InboxAccess.ItemsOf(context, caseworker).AsNoTracking().FirstOrDefaultAsync(i => i.SubmissionId == submissionId, cancellationToken);
        if (item is null) return null;
        if (item.DossierId is not { } dossierId)
            return new DossierView(null, [], item.SuggestedFileNumberCipher is { } suggested ? database.Protector.UnprotectText(suggested, item.Id) : null);
        var number = await context.Dossiers.Where(d => d.Id == dossierId).Select(d => d.FileNumber).SingleAsync(cancellationToken);
        var others = await (from other in InboxAccess.ItemsOf(context, caseworker)
                            where other.DossierId == dossierId && other.SubmissionId != submissionId
                            join submission in context.Submissions on other.SubmissionId equals submission.Id
                            orderby other.ReceivedAt
                            select new LinkedCase(submission.Id, submission.ReferenceNumber, submission.FormTitle, submission.Status, other.ReceivedAt)).ToListAsync(cancellationToken);
        return new DossierView(number, others, null);
    }

    /// <summary>
    /// Opens a new file for the case: with <paramref name="typed"/> that file number, else the next one of the authority's
    /// format. Returns the file number, or null when the case is not visible. <see cref="CaseInputException"/>:
    /// "fileNumber" (not a file number), "fileNumberTaken" (the authority has that file: link instead), "caseHasFile".
    /// </summary>
    public async Task<string?> OpenAsync(CaseworkerAccount caseworker, Guid submissionId, string? typed, CancellationToken cancellationToken = default)
    {
        var wanted = string.IsNullOrWhiteSpace(typed) ? null : FileNumbers.Normalize(typed) ?? throw new CaseInputException("fileNumber");
        if (!await VisibleAsync(caseworker, submissionId, cancellationToken)) return null;
        for (var attempt = 1; ; attempt++)
        {
            using var gate = await database.EnterWriteAsync(cancellationToken);
            await using var context = database.CreateContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var item = await InboxAccess.ItemsOf(context, caseworker).AsNoTracking().FirstOrDefaultAsync(i => i.SubmissionId == submissionId, cancellationToken);
            if (item is null) return null;
            if (item.DossierId is not null) throw new CaseInputException("caseHasFile");
            if (wanted is not null && await context.Dossiers.AnyAsync(d => d.TenantId == caseworker.TenantId && d.AuthorityId == caseworker.AuthorityId && d.FileNumber == wanted, cancellationToken))
                throw new CaseInputException("fileNumberTaken");
            var dossier = wanted is null ? await NextAsync(context, caseworker, cancellationToken) : New(caseworker, wanted, null, null);
            context.Dossiers.Add(dossier);
            context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "case.file", submissionId, "new " + dossier.FileNumber));
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same file number was stored by someone else in between: a typed one is taken; a generated one is retried with the next number.
                if (wanted is not null) throw new CaseInputException("fileNumberTaken");
                if (attempt == Attempts) throw;
                continue;
            }

            // Compare-and-set: only a case without a file gets this one, so of two parallel openings one wins.
            if (await context.InboxItems.Where(i => i.Id == item.Id && i.DossierId == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.DossierId, dossier.Id), cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new CaseInputException("caseHasFile");
            }

            await transaction.CommitAsync(cancellationToken);
            return dossier.FileNumber;
        }
    }

    /// <summary>Links the case to the authority's file <paramref name="typed"/> (moving it out of another); false when the case is not visible; "fileNumberUnknown" when the authority has no such file.</summary>
    public async Task<bool> LinkAsync(CaseworkerAccount caseworker, Guid submissionId, string? typed, CancellationToken cancellationToken = default)
    {
        var number = FileNumbers.Normalize(typed) ?? throw new CaseInputException("fileNumber");
        if (!await VisibleAsync(caseworker, submissionId, cancellationToken)) return false;
        await using var context = database.CreateContext();
        var dossierId = await context.Dossiers.Where(d => d.TenantId == caseworker.TenantId && d.AuthorityId == caseworker.AuthorityId && d.FileNumber == number)
            .Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
        return await SetAsync(context, caseworker, submissionId, dossierId ?? throw new CaseInputException("fileNumberUnknown"), "link " + number, cancellationToken);
    }

    /// <summary>Takes the case out of its file (the file and its number stay); false when the case is not visible.</summary>
    public async Task<bool> UnlinkAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        if (!await VisibleAsync(caseworker, submissionId, cancellationToken)) return false;
        await using var context = database.CreateContext();
        var number = await (from item in InboxAccess.ItemsOf(context, caseworker)
                            where item.SubmissionId == submissionId
                            join dossier in context.Dossiers on item.DossierId equals dossier.Id
                            select dossier.FileNumber).FirstOrDefaultAsync(cancellationToken);
        return await SetAsync(context, caseworker, submissionId, null, "unlink " + number, cancellationToken);
    }

    private async Task<bool> SetAsync(SozialDbContext context, CaseworkerAccount caseworker, Guid submissionId, Guid? dossierId, string details, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).ExecuteUpdateAsync(u => u.SetProperty(i => i.DossierId, dossierId), cancellationToken);
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "case.file", submissionId, details));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether the case is in the caseworker's inbox; a refused look is audited as <c>case.file.refused</c>.</summary>
    private async Task<bool> VisibleAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        if (await InboxAccess.ItemsOf(context, caseworker).AnyAsync(i => i.SubmissionId == submissionId, cancellationToken)) return true;
        await InboxAccess.RefusedAsync(database, context, caseworker, "case.file", submissionId, cancellationToken);
        return false;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>The next generated file number of the year: after the highest generated one, skipping numbers typed by hand (no gaps: a retry after a parallel opening reads the new highest).</summary>
    private async Task<Dossier> NextAsync(SozialDbContext context, CaseworkerAccount caseworker, CancellationToken cancellationToken)
    {
        var year = Now.Year;
        var format = await context.Authorities.Where(a => a.TenantId == caseworker.TenantId && a.Id == caseworker.AuthorityId).Select(a => a.FileNumberFormat).FirstOrDefaultAsync(cancellationToken);
        var sequence = (await context.Dossiers.Where(d => d.TenantId == caseworker.TenantId && d.AuthorityId == caseworker.AuthorityId && d.Year == year).MaxAsync(d => d.Sequence, cancellationToken) ?? 0) + 1;
        var number = FileNumbers.Format(format, year, sequence);
        while (await context.Dossiers.AnyAsync(d => d.TenantId == caseworker.TenantId && d.AuthorityId == caseworker.AuthorityId && d.FileNumber == number, cancellationToken))
            number = FileNumbers.Format(format, year, ++sequence);
        return New(caseworker, number, year, sequence);
    }

    private Dossier New(CaseworkerAccount caseworker, string number, int? year, int? sequence) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = caseworker.TenantId, AuthorityId = caseworker.AuthorityId, FileNumber = number, Year = year, Sequence = sequence,
        CreatedBy = caseworker.Login, CreatedAt = Now,
    };
}

/// <summary>
/// A case's file: its number (null: none) and the other cases of the authority in it; for a case without a file, the
/// number its application named in the form's <c>caseFileField</c> when the authority had no such file (a suggestion).
/// </summary>
public sealed record DossierView(string? FileNumber, IReadOnlyList<LinkedCase> Others, string? Suggested);

public sealed record LinkedCase(Guid SubmissionId, string ReferenceNumber, string FormTitle, SubmissionStatus Status, DateTime ReceivedAt);
