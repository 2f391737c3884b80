using System.Text;

namespace Sozialplattform.Documents.Text;

/// <summary>
/// Breaks text into lines for one render. Shaped paragraphs and line breaks are cached for the
/// lifetime of this object, because labels and values repeat (a 500-row table has few distinct cells).
/// Not thread-safe: one instance per render.
/// </summary>
public sealed class TextLayouter
{
    private readonly Dictionary<(string, ShapingFont, bool), ShapedParagraph> _paragraphs = [];
    private readonly Dictionary<(string, ShapingFont, float, float, bool), IReadOnlyList<TextLine>> _lines = [];

    /// <summary>Lines of <paramref name="text"/> at most <paramref name="maxWidth"/> points wide; a line feed starts a new paragraph.</summary>
    public IReadOnlyList<TextLine> Lines(string text, TextStyle style, float maxWidth, bool rightToLeft)
    {
        var key = (text, style.Font, style.Size, maxWidth, rightToLeft);
        if (_lines.TryGetValue(key, out var cached)) return cached;

        var lines = new List<TextLine>();
        // In a right-to-left document numbers, dates, codes and Latin text keep their own order (0221 1234567, not 1234567 0221).
        foreach (var paragraphText in Paragraphs(rightToLeft ? Sozialplattform.Engine.Localization.BidiText.IsolateRuns(text) : text))
        {
            if (paragraphText.Length == 0)
            {
                lines.Add(TextLine.Empty(rightToLeft));
                continue;
            }

            var paragraph = Paragraph(paragraphText, style.Font, rightToLeft);
            foreach (var (start, end) in LineBreaker.Break(paragraph, maxWidth / style.Size))
                lines.Add(TextLine.Cut(paragraph, start, end));
        }

        return _lines[key] = lines;
    }

    /// <summary>The width in points of the widest paragraph when nothing wraps.</summary>
    public float NaturalWidth(string text, TextStyle style, bool rightToLeft) =>
        Paragraphs(text).Select(p => Paragraph(p, style.Font, rightToLeft)).Max(p => p.Width(0, p.Text.Length)) * style.Size;

    private ShapedParagraph Paragraph(string text, ShapingFont font, bool rightToLeft)
    {
        var key = (text, font, rightToLeft);
        if (!_paragraphs.TryGetValue(key, out var paragraph))
            _paragraphs[key] = paragraph = ShapedParagraph.Shape(text, font, rightToLeft);
        return paragraph;
    }

    private static string[] Paragraphs(string text) =>
        Clean(text).Split('\n');

    /// <summary>Normalises line ends and tabs and replaces lone surrogates, which no font can show.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r') { if (i + 1 < text.Length && text[i + 1] == '\n') continue; c = '\n'; }
            else if (c == '\t') c = ' ';
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { builder.Append(c).Append(text[++i]); continue; }
            else if (char.IsSurrogate(c)) c = '\uFFFD';
            builder.Append(c);
        }

        return builder.ToString();
    }
}
