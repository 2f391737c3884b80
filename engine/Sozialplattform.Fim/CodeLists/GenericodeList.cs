namespace Sozialplattform.Fim.CodeLists;

/// <summary>An OASIS genericode code list as read: identification, columns, keys (id → column ids) and rows (column id → value).</summary>
public sealed record GenericodeList(
    string File,
    string? ShortName,
    string? LongName,
    string? CanonicalUri,
    string? Version,
    string? CanonicalVersionUri,
    IReadOnlyList<string> Columns,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keys,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    /// <summary>Finds a column by key id (its first column) or by column id.</summary>
    public string? Column(string? keyOrColumn)
    {
        if (keyOrColumn is null) return null;
        if (Keys.TryGetValue(keyOrColumn, out var columns) && columns.Count > 0) return columns[0];
        return Columns.Contains(keyOrColumn) ? keyOrColumn : null;
    }
}
