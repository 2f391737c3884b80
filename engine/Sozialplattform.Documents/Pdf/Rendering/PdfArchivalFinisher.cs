using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Sozialplattform.Documents.Pdf.Rendering;

/// <summary>
/// Two fixes to SkiaSharp's PDF that its metadata API cannot express:
/// the document language (/Lang in the catalog, with the cross-reference table shifted to match) and a
/// document id derived from the content instead of the clock (Skia's PDF/A mode hashes the current time
/// into /ID and the XMP ids, which would make every render differ).
/// </summary>
internal static partial class PdfArchivalFinisher
{
    public static byte[] Finish(byte[] pdf, string language)
    {
        // Latin-1 maps every byte to one char and back, so offsets in the string are byte offsets.
        var text = Encoding.Latin1.GetString(pdf);
        text = AddCatalogEntries(text, language);
        text = ReplaceDocumentId(text);
        return Encoding.Latin1.GetBytes(text);
    }

    private static string AddCatalogEntries(string text, string language)
    {
        var root = Last(TrailerRoot(), text, "the trailer's /Root").Groups[1].Value;
        var catalogStart = text.IndexOf($"\n{root} 0 obj\n<<", StringComparison.Ordinal);
        if (catalogStart < 0) throw Unexpected("the catalog object");
        var insertAt = text.IndexOf("<<", catalogStart, StringComparison.Ordinal) + 2;

        var entries = new StringBuilder("/ViewerPreferences <</DisplayDocTitle true>>\n");
        if (LanguageTag().IsMatch(language)) entries.Append(CultureInfo.InvariantCulture, $"/Lang ({language})\n");
        var insertion = entries.ToString();
        text = text.Insert(insertAt, insertion);
        return ShiftCrossReferences(text, insertAt, insertion.Length);
    }

    private static string ShiftCrossReferences(string text, int insertedAt, int delta)
    {
        var startXref = Last(StartXref(), text, "startxref");
        var xrefOffset = int.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture) + delta;
        var header = XrefHeader().Match(text, xrefOffset);
        if (!header.Success || header.Index != xrefOffset) throw Unexpected("the cross-reference table");

        var builder = new StringBuilder(text);
        var entry = XrefEntry().Match(text, header.Index + header.Length);
        for (var i = 0; i < int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture) && entry.Success; i++, entry = entry.NextMatch())
        {
            var offset = long.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
            if (entry.Groups[2].Value == "n" && offset >= insertedAt)
                Overwrite(builder, entry.Groups[1].Index, (offset + delta).ToString("D10", CultureInfo.InvariantCulture));
        }

        builder.Remove(startXref.Groups[1].Index, startXref.Groups[1].Length)
            .Insert(startXref.Groups[1].Index, xrefOffset.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    /// <summary>
    /// Skia writes the id as a PDF byte string (hex or, when shorter, a literal string) as the last entry
    /// of the trailer, and the same bytes as a UUID in the XMP packet. The trailer comes after every
    /// object, so its length may change; the XMP UUIDs are replaced with text of the same length.
    /// </summary>
    private static string ReplaceDocumentId(string text)
    {
        var oldUuid = XmpUuid().Match(text);
        if (!oldUuid.Success) throw Unexpected("the XMP document id");
        var trailerEnd = text.LastIndexOf(">>\nstartxref", StringComparison.Ordinal);
        var idStart = trailerEnd < 0 ? -1 : text.LastIndexOf("/ID [", trailerEnd, StringComparison.Ordinal);
        if (idStart < 0 || text[trailerEnd - 1] != ']') throw Unexpected("the trailer's /ID");

        var withoutId = text.Remove(idStart, trailerEnd - idStart).Replace(oldUuid.Groups[1].Value, "", StringComparison.Ordinal);
        var newId = Convert.ToHexString(SHA256.HashData(Encoding.Latin1.GetBytes(withoutId)), 0, 16);
        return text[..idStart]
            .Replace(oldUuid.Groups[1].Value, Uuid(newId.ToLowerInvariant()), StringComparison.Ordinal)
            + $"/ID [<{newId}> <{newId}>]" + text[trailerEnd..];
    }

    private static string Uuid(string hex) => $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";

    private static void Overwrite(StringBuilder builder, int index, string value)
    {
        for (var i = 0; i < value.Length; i++) builder[index + i] = value[i];
    }

    private static Match Last(Regex regex, string text, string what) =>
        regex.Matches(text).LastOrDefault() ?? throw Unexpected(what);

    private static InvalidOperationException Unexpected(string what) =>
        new($"SkiaSharp's PDF output has an unexpected shape: {what} was not found.");

    [GeneratedRegex(@"/Root (\d+) 0 R")] private static partial Regex TrailerRoot();
    [GeneratedRegex(@"startxref\s+(\d+)")] private static partial Regex StartXref();
    [GeneratedRegex(@"xref\s+(\d+) (\d+)\s+")] private static partial Regex XrefHeader();
    [GeneratedRegex(@"(\d{10}) \d{5} ([nf])")] private static partial Regex XrefEntry();
    [GeneratedRegex(@"uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")] private static partial Regex XmpUuid();
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] private static partial Regex LanguageTag();
}
