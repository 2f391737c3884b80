namespace Sozialplattform.Catalog.Translations;

/// <summary>What a translator gets and gives back: the texts of one definition file, German source and one target language.</summary>
public sealed record TranslationFile(string Original, string Language, IReadOnlyList<TranslationEntry> Entries)
{
    /// <summary>The formats, chosen by the file's extension.</summary>
    public static TranslationFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xlf" or ".xliff" => TranslationFormat.Xliff,
        ".csv" => TranslationFormat.Csv,
        var other => throw new TranslationFileException(path, 0, $"unknown format '{other}': use .xlf/.xliff (XLIFF 2.0) or .csv"),
    };

    public static TranslationFile Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Reads a file's bytes (e.g. an upload); <paramref name="name"/> gives the format and names the file in errors.</summary>
    public static TranslationFile Parse(byte[] content, string name) => FormatOf(name) switch
    {
        TranslationFormat.Xliff => XliffFormat.Read(content, name),
        _ => CsvFormat.Read(content, name),
    };

    /// <summary>Written whole or not at all.</summary>
    public void Write(string path) => AtomicFile.Replace(path, ToBytes(FormatOf(path)));

    /// <summary>The file's bytes: XLIFF as UTF-8, CSV as UTF-8 with a byte-order mark (spreadsheet programs need it for umlauts).</summary>
    public byte[] ToBytes(TranslationFormat format) => format == TranslationFormat.Xliff
        ? new System.Text.UTF8Encoding(false).GetBytes(XliffFormat.Write(this))
        : [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(CsvFormat.Write(this))];
}

/// <summary>One text: its id in the definition, a hint for the translator, the German source and the translation (empty: none yet).</summary>
public sealed record TranslationEntry(string Id, string Context, string Source, string Target);

public enum TranslationFormat { Xliff, Csv }

/// <summary>A translation file that cannot be read: which file, which line (0: the file as a whole), what is wrong.</summary>
public sealed class TranslationFileException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}({line}): {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
