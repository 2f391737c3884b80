using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Validation;

namespace Sozialplattform.Centres.Import;

public enum LineOutcome
{
    Created,
    Changed,
    Unchanged,
    Refused,
}

/// <summary>What happened to one entry of an import file, and why when it was refused.</summary>
public sealed record ImportLine(int Line, string? ExternalId, LineOutcome Outcome, IReadOnlyList<CentreError> Errors)
{
    public override string ToString() =>
        $"line {Line} ({ExternalId ?? "no external id"}): {Outcome.ToString().ToLowerInvariant()}{(Errors.Count == 0 ? "" : " — " + string.Join("; ", Errors))}";
}

/// <summary>One entry as read from a file: the record, or why it could not be read.</summary>
public sealed record FileEntry(int Line, CentreRecord? Record, IReadOnlyList<CentreError> ReadErrors);

/// <summary>
/// Imports entries by external id: each entry is checked completely and then written in its own transaction, so
/// an entry is applied whole or not at all; an entry equal to what is stored changes nothing (a second import of the
/// same file reports every line unchanged). A dry run checks and compares without writing.
/// </summary>
public sealed class CentreImporter(CentreStore store, CentreCheck check)
{
    public async Task<IReadOnlyList<ImportLine>> ImportAsync(string tenant, IEnumerable<FileEntry> entries, string who, bool dryRun, CancellationToken cancellationToken = default)
    {
        var report = new List<ImportLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Record is null)
            {
                report.Add(new(entry.Line, null, LineOutcome.Refused, entry.ReadErrors));
                continue;
            }

            var externalId = entry.Record.ExternalId;
            if (string.IsNullOrWhiteSpace(externalId))
            {
                report.Add(new(entry.Line, null, LineOutcome.Refused, [new("externalId", "required")]));
                continue;
            }

            if (!seen.Add(externalId))
            {
                report.Add(new(entry.Line, externalId, LineOutcome.Refused, [new("externalId", "externalIdTwice", externalId)]));
                continue;
            }

            var (record, errors) = await check.PrepareAsync(entry.Record);
            if (record is null)
            {
                report.Add(new(entry.Line, externalId, LineOutcome.Refused, errors));
                continue;
            }

            var (outcome, _) = await store.ImportAsync(tenant, record, who, cancellationToken, apply: !dryRun);
            report.Add(new(entry.Line, externalId, outcome switch
            {
                ImportOutcome.Created => LineOutcome.Created,
                ImportOutcome.Changed => LineOutcome.Changed,
                _ => LineOutcome.Unchanged,
            }, []));
        }

        return report;
    }
}
