using System.Text;

namespace Sozialplattform.Catalog.Translations;

/// <summary>
/// CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read umlauts): a header <c>id@&lt;definition&gt;,context,de,&lt;language&gt;</c>
/// — the first cell names the definition the file translates — then one row per text.
/// </summary>
internal static class CsvFormat
{
    public static string Write(TranslationFile file)
    {
        var text = new StringBuilder();
        Row(text, [$"id@{file.Original}", "context", "de", file.Language]);
        foreach (var entry in file.Entries) Row(text, [entry.Id, entry.Context, entry.Source, entry.Target]);
        return text.ToString();
    }

    public static TranslationFile Read(byte[] content, string path)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content); }
        catch (DecoderFallbackException) { throw new TranslationFileException(path, 0, "not UTF-8: save the file as CSV UTF-8"); }
        var rows = Parse(path, text);
        if (rows.Count == 0) throw new TranslationFileException(path, 1, "empty file: expected the header id@<definition>,context,de,<language>");
        var (headerLine, header) = rows[0];
        if (header.Count != 4 || !header[0].StartsWith("id@", StringComparison.Ordinal) || header[1] != "context" || header[2] != "de")
            throw new TranslationFileException(path, headerLine, "the header must be id@<definition>,context,de,<language> (as exported)");
        var entries = new List<TranslationEntry>();
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.Count == 1 && cells[0].Length == 0) continue;
            if (cells.Count != 4) throw new TranslationFileException(path, line, $"{cells.Count} columns; every row has 4: id, context, de, {header[3]}");
            entries.Add(new TranslationEntry(cells[0], cells[1], cells[2], cells[3]));
        }
        return new TranslationFile(header[0]["id@".Length..], header[3], entries);
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 || c.StartsWith(' ') || c.EndsWith(' ') ? $"\"{c.Replace("\"", "\"\"")}\"" : c));
        text.Append("\r\n");
    }

    /// <summary>Rows with the line each starts on; quoted cells may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<(int Line, List<string> Cells)> Parse(string path, string text)
    {
        var rows = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (line, rowLine, quoted, i) = (1, 1, false, 0);
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case '"': throw new TranslationFileException(path, line, "a quote inside an unquoted cell: quote the whole cell and double the quote (\"\")");
                case ',': cells.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    cells.Add(cell.ToString()); cell.Clear();
                    rows.Add((rowLine, cells)); cells = [];
                    line++; rowLine = line;
                    break;
                default: cell.Append(c); break;
            }
        }
        if (quoted) throw new TranslationFileException(path, rowLine, "a quoted cell is not closed");
        if (cell.Length > 0 || cells.Count > 0) { cells.Add(cell.ToString()); rows.Add((rowLine, cells)); }
        return rows;
    }
}
