using System.Text;
using Sozialplattform.Fim.CodeLists;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Designer.CodeLists;

/// <summary>One entry of an uploaded list: the code, its label per language, and the line it came from.</summary>
public sealed record CodeListEntry(string Code, IReadOnlyDictionary<string, string> Label, int Line);

/// <summary>What is wrong with an uploaded file: the file's name, the line (null: the whole file) and the problem in German.</summary>
public sealed record CodeListProblem(string File, int? Line, string Text)
{
    public override string ToString() => Line is { } line ? $"{File}, Zeile {line}: {Text}" : $"{File}: {Text}";
}

/// <summary>An uploaded list as read: its entries, the names it brings (genericode) and every problem at once.</summary>
public sealed record CodeListFileContent(
    IReadOnlyList<CodeListEntry> Entries,
    IReadOnlyList<CodeListProblem> Problems,
    string? Name = null,
    string? CanonicalUri = null,
    string? CanonicalVersionUri = null,
    string? Source = null)
{
    public bool Success => Problems.Count == 0 && Entries.Count > 0;
}

/// <summary>
/// Reads a code list uploaded by an author: XÖV genericode 1.0 (as in FIM; read with the FIM import's own safe reader and
/// <see cref="GenericodeReader"/>, so DTDs and external entities are refused) or CSV (<c>code;label</c> with a header line,
/// UTF-8 with or without byte-order mark, separated by <c>;</c> or <c>,</c>, further columns <c>label_en</c> … for other
/// languages). Bad files are refused with every problem at once — file, line, what is wrong — and nothing is kept.
/// </summary>
public static class CodeListFile
{
    /// <summary>Far above any real list (XRepository's largest used by FIM forms are below 1 MB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxEntries = 20_000;

    public static readonly string[] Languages = ["de", "en", "tr", "ar", "uk", "ru"];

    private static readonly string[] CodeHeaders = ["code", "schlüssel", "schluessel", "key", "wert"];
    private static readonly string[] LabelHeaders = ["label", "bezeichnung", "name", "text", "label_de", "de"];

    public static CodeListFileContent Read(string fileName, byte[] bytes)
    {
        var name = Path.GetFileName(fileName);
        if (bytes.Length > MaxBytes) return Refused(name, $"Die Datei ist {bytes.Length / 1024} KB groß; höchstens {MaxBytes / (1024 * 1024)} MB sind erlaubt.");
        if (bytes.Length == 0) return Refused(name, "Die Datei ist leer.");
        return LooksLikeXml(bytes) ? Genericode(name, bytes) : Csv(name, bytes);
    }

    private static CodeListFileContent Refused(string file, string text, int? line = null) => new([], [new CodeListProblem(file, line, text)]);

    private static bool LooksLikeXml(byte[] bytes)
    {
        var start = bytes.AsSpan(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0);
        foreach (var b in start)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'<';
        }

        return false;
    }

    private static CodeListFileContent Genericode(string file, byte[] bytes)
    {
        GenericodeList list;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var document = SafeXmlLoader.Load(stream, file, new XmlLimits(MaxBytes));
            if (document.Root is not { } root || !GenericodeReader.IsCodeList(root))
                return Refused(file, $"Das ist keine genericode-Codeliste: das Wurzelelement ist <{document.Root?.Name.LocalName}>, erwartet ist <CodeList> (XÖV genericode 1.0).", 1);
            list = GenericodeReader.Read(root, file);
        }
        catch (XmlLoadException e)
        {
            return Refused(file, e.Problem switch
            {
                XmlLoadProblem.Dtd => "Die Datei enthält eine DTD (<!DOCTYPE …>); aus Sicherheitsgründen werden DTDs und Entitäten nicht gelesen.",
                XmlLoadProblem.TooLarge => $"Die Datei ist zu groß ({e.Detail}).",
                XmlLoadProblem.TooDeep => $"Die Datei ist zu tief verschachtelt ({e.Detail}).",
                _ => $"Die Datei ist kein lesbares XML: {e.Detail}",
            }, e.Line ?? (e.Problem == XmlLoadProblem.Dtd ? DoctypeLine(bytes) : null));
        }

        var codeColumn = list.CodeColumn();
        var nameColumn = list.NameColumn(null, codeColumn);
        if (codeColumn is null || nameColumn is null)
            return Refused(file, "Die genericode-Liste hat keine Code- und Namensspalte (ColumnSet mit „code“ und „name“ oder den Schlüsseln codeKey/codenameKey).");
        var rows = list.Rows.Select((row, index) => (Code: Value(row, codeColumn), Label: Value(row, nameColumn), Line: index < list.RowLines.Count && list.RowLines[index] > 0 ? list.RowLines[index] : index + 1)).ToList();
        var (entries, problems) = Check(file, rows.Select(r => (r.Code, (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["de"] = r.Label }, r.Line)));
        if (entries.Count == 0 && problems.Count == 0) problems.Add(new CodeListProblem(file, null, "Die genericode-Liste hat keine Zeilen (SimpleCodeList/Row)."));
        return new CodeListFileContent(entries, problems, list.LongName ?? list.ShortName, list.CanonicalUri, list.CanonicalVersionUri, "genericode " + file);
    }

    /// <summary>The parser names no position for a prohibited DTD; the text (within the size limit) tells where it is.</summary>
    private static int? DoctypeLine(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    private static string Value(IReadOnlyDictionary<string, string> row, string column) => row.TryGetValue(column, out var value) ? value.Trim() : "";

    private static CodeListFileContent Csv(string file, byte[] bytes)
    {
        string text;
        try
        {
            var body = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes.AsSpan();
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Refused(file, "Die Datei ist keine UTF-8-Textdatei (CSV oder genericode-XML erwartet).");
        }

        if (text.Contains('\0')) return Refused(file, "Die Datei enthält Binärdaten (CSV oder genericode-XML erwartet).");
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0];
        var separator = header.Contains(';') ? ';' : ',';
        if (!TrySplit(header, separator, out var headers))
            return Refused(file, "Die Kopfzeile hat ein Anführungszeichen ohne Ende.", 1);
        var columns = headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var codeIndex = columns.FindIndex(c => CodeHeaders.Contains(c));
        var labelIndex = columns.FindIndex(c => LabelHeaders.Contains(c));
        var problems = new List<CodeListProblem>();
        if (codeIndex < 0) problems.Add(new CodeListProblem(file, 1, $"Keine Spalte für den Code: die Kopfzeile braucht „code“ (gefunden: {string.Join(", ", headers.Select(h => $"„{h.Trim()}“"))})."));
        if (labelIndex < 0) problems.Add(new CodeListProblem(file, 1, "Keine Spalte für die Bezeichnung: die Kopfzeile braucht „label“ (oder „bezeichnung“)."));
        if (problems.Count > 0) return new CodeListFileContent([], problems);

        var languages = columns.Select((c, i) => (Language: LanguageOf(c), Index: i)).Where(c => c.Language is not null && c.Index != labelIndex).ToList();
        var rows = new List<(string Code, IReadOnlyDictionary<string, string> Label, int Line)>();
        for (var index = 1; index < lines.Count; index++)
        {
            var line = index + 1;
            if (string.IsNullOrWhiteSpace(lines[index])) continue;
            if (!TrySplit(lines[index], separator, out var cells)) { problems.Add(new CodeListProblem(file, line, "Ein Anführungszeichen ohne Ende.")); continue; }
            var label = new Dictionary<string, string> { ["de"] = Cell(cells, labelIndex) };
            foreach (var (language, column) in languages)
                if (Cell(cells, column) is { Length: > 0 } translated) label[language!] = translated;
            rows.Add((Cell(cells, codeIndex), label, line));
        }

        var (entries, found) = Check(file, rows);
        problems.AddRange(found);
        if (entries.Count == 0 && problems.Count == 0) problems.Add(new CodeListProblem(file, null, "Die Datei hat keine Einträge unter der Kopfzeile."));
        return new CodeListFileContent(entries, problems, Source: "CSV " + file);
    }

    /// <summary><c>label_en</c>, <c>label.en</c>, <c>en</c> name a further language of the label.</summary>
    private static string? LanguageOf(string column)
    {
        var language = column.StartsWith("label_", StringComparison.Ordinal) || column.StartsWith("label.", StringComparison.Ordinal) ? column[6..] : column;
        return Languages.Contains(language) ? language : null;
    }

    private static string Cell(IReadOnlyList<string> cells, int index) => index < cells.Count ? cells[index].Trim() : "";

    /// <summary>Every entry needs a code and a German label; a code appears once.</summary>
    private static (List<CodeListEntry> Entries, List<CodeListProblem> Problems) Check(string file, IEnumerable<(string Code, IReadOnlyDictionary<string, string> Label, int Line)> rows)
    {
        var entries = new List<CodeListEntry>();
        var problems = new List<CodeListProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, label, line) in rows)
        {
            if (entries.Count + problems.Count >= MaxEntries) { problems.Add(new CodeListProblem(file, line, $"Mehr als {MaxEntries} Einträge; so lange Listen gehören nicht in ein Formular.")); break; }
            if (code.Length == 0) { problems.Add(new CodeListProblem(file, line, "Der Code ist leer.")); continue; }
            if (code.Length > 200) { problems.Add(new CodeListProblem(file, line, "Der Code ist länger als 200 Zeichen.")); continue; }
            if (seen.TryGetValue(code, out var first)) { problems.Add(new CodeListProblem(file, line, $"Der Code „{code}“ kommt doppelt vor (zuerst in Zeile {first}).")); continue; }
            seen[code] = line;
            if (label.GetValueOrDefault("de") is not { Length: > 0 }) { problems.Add(new CodeListProblem(file, line, $"Die Bezeichnung zum Code „{code}“ ist leer.")); continue; }
            entries.Add(new CodeListEntry(code, label, line));
        }

        return (entries, problems);
    }

    /// <summary>One CSV line: cells separated by <paramref name="separator"/>, a cell in double quotes may hold the separator and <c>""</c>.</summary>
    private static bool TrySplit(string line, char separator, out List<string> cells)
    {
        cells = [];
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0) { cell.Clear(); quoted = true; }
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }

        cells.Add(cell.ToString());
        return !quoted;
    }
}
