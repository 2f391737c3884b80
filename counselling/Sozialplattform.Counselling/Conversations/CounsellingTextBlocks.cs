using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>A text block as counsellors choose it.</summary>
public sealed record TextBlock(Guid Id, string Title, string Body);

/// <summary>
/// A centre's text blocks: its leads add and delete them, its members read them to fill a reply. Titles ≤ 80
/// characters, texts checked like messages; at most <paramref name="maxPerCentre"/> (200) per centre — counted and
/// added under one lock, so parallel requests of this process never pass it (per process, like the rate limits).
/// Audited (<c>counselling.textblock.added|deleted</c>, without title or text).
/// </summary>
public sealed class CounsellingTextBlocks(CounsellingDatabase database, TimeProvider? clock = null, int maxPerCentre = 200)
{
    public const int TitleMax = 80;
    private readonly SemaphoreSlim _adding = new(1, 1);

    public int MaxPerCentre => maxPerCentre;

    private DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<TextBlock>> ListAsync(Counsellor reader, Guid centreId, CancellationToken cancellationToken = default)
    {
        if (!reader.IsMember(centreId)) return [];
        await using var context = database.CreateContext();
        var rows = await context.TextBlocks.AsNoTracking().Where(b => b.CentreId == centreId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(b => b.Title, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.CreatedAt).Select(b => new TextBlock(b.Id, b.Title, b.Body))];
    }

    /// <summary>A block of the centre for one of its members; null for another centre's block or an unknown id.</summary>
    public async Task<TextBlock?> FindAsync(Counsellor reader, Guid centreId, Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(reader, centreId, cancellationToken)).FirstOrDefault(b => b.Id == id);

    public async Task<IReadOnlyList<CounsellingError>> AddAsync(Counsellor lead, Guid centreId, string? title, string? body, CancellationToken cancellationToken = default)
    {
        if (!lead.IsLead(centreId)) return [new("title", "notLead")];
        var errors = new List<CounsellingError>();
        var name = (title ?? "").Trim();
        if (name.Length == 0) errors.Add(new("title", "titleMissing"));
        else if (name.Length > TitleMax) errors.Add(new("title", "titleTooLong", TitleMax));
        else if (name.Any(char.IsControl)) errors.Add(new("title", "titleMalformed"));
        var (text, error) = MessageText.Check(body);
        if (error is not null) errors.Add(error with { Field = "body" });
        if (errors.Count > 0) return errors;

        await _adding.WaitAsync(cancellationToken);
        try
        {
            await using var context = database.CreateContext();
            if (await context.TextBlocks.CountAsync(b => b.CentreId == centreId, cancellationToken) >= MaxPerCentre) return [new("title", "textBlocksFull", MaxPerCentre)];
            context.TextBlocks.Add(new TextBlockRow { Id = Guid.CreateVersion7(), CentreId = centreId, Title = name, Body = text!, CreatedAt = Now });
            using (await database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _adding.Release();
        }

        await CounsellingAudit.EntryAsync(database, CounsellingAudit.Staff(lead.Login), "textblock.added", $"centre {centreId}", Now, cancellationToken);
        return [];
    }

    /// <summary>Deletes a block of the lead's centre; false for another centre's block, an unknown id or a member who is not a lead.</summary>
    public async Task<bool> DeleteAsync(Counsellor lead, Guid centreId, Guid id, CancellationToken cancellationToken = default)
    {
        if (!lead.IsLead(centreId)) return false;
        await using var context = database.CreateContext();
        int deleted;
        using (await database.Platform.EnterWriteAsync(cancellationToken))
            deleted = await context.TextBlocks.Where(b => b.Id == id && b.CentreId == centreId).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) await CounsellingAudit.EntryAsync(database, CounsellingAudit.Staff(lead.Login), "textblock.deleted", $"centre {centreId}; block {id}", Now, cancellationToken);
        return deleted > 0;
    }
}
