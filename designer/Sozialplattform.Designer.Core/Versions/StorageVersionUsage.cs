using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Designer.Versions;

/// <summary>Counts the drafts and submissions per version of a form in the platform's database.</summary>
public sealed class StorageVersionUsage(SozialDatabase database) : IVersionUsage
{
    public async Task<IReadOnlyList<VersionUse>> ForFormAsync(string formId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var drafts = await context.Drafts.Where(d => d.FormId == formId).GroupBy(d => d.FormVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var submissions = await context.Submissions.Where(s => s.FormId == formId).GroupBy(s => s.FormVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return drafts.Select(d => d.Version).Union(submissions.Select(s => s.Version)).Order(StringComparer.Ordinal)
            .Select(v => new VersionUse(v, drafts.FirstOrDefault(d => d.Version == v)?.Count ?? 0, submissions.FirstOrDefault(s => s.Version == v)?.Count ?? 0))
            .ToList();
    }
}
