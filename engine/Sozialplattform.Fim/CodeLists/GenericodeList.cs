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

    /// <summary>The line of each row in its file (0 when unknown), for problems that name a row.</summary>
    public IReadOnlyList<int> RowLines { get; init; } = [];

    /// <summary>The code column: the one asked for, else the key <c>codeKey</c>, the first key, a column <c>code</c>, the first column.</summary>
    public string? CodeColumn(string? preferred = null) =>
        Column(preferred) ?? Column("codeKey") ?? Keys.Values.FirstOrDefault()?.FirstOrDefault() ?? Column("code") ?? Columns.FirstOrDefault();

    /// <summary>The name column: the one asked for, else the key <c>codenameKey</c>, a column <c>name</c>, the first other column.</summary>
    public string? NameColumn(string? preferred, string? codeColumn)
    {
        if (Column(preferred) is { } asked) return asked;
        var byKey = Column("codenameKey");
        if (byKey is not null && byKey != codeColumn) return byKey;
        return Columns.Contains("name") ? "name" : Columns.FirstOrDefault(c => c != codeColumn);
    }
}
