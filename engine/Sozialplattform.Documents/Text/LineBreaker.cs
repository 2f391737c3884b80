namespace Sozialplattform.Documents.Text;

/// <summary>
/// Greedy line breaking in logical order (before the bidi reordering of each line, as UAX #9 asks):
/// after spaces, after a hyphen or slash inside a word, and inside a word only when it is wider than the line.
/// Trailing spaces do not count towards a line's width and are not part of the returned range.
/// </summary>
public static class LineBreaker
{
    public static IReadOnlyList<(int Start, int End)> Break(ShapedParagraph paragraph, float maxWidth)
    {
        var text = paragraph.Text;
        var lines = new List<(int, int)>();
        var start = 0;
        do
        {
            var width = 0f;
            var opportunity = -1;
            var i = start;
            for (; i < text.Length; i++)
            {
                if (i > start && IsBreakOpportunity(text, i)) opportunity = i;
                if (text[i] != ' ' && width + paragraph.Advances[i] > maxWidth && i > start) break;
                width += paragraph.Advances[i];
            }

            var end = i == text.Length ? i : opportunity > start ? opportunity : ClusterBoundaryAtOrBefore(paragraph, i, start);
            lines.Add((start, TrimEnd(text, start, end)));
            start = end;
        }
        while (start < text.Length);

        return lines;
    }

    private static bool IsBreakOpportunity(string text, int index)
    {
        var previous = text[index - 1];
        if (text[index] == ' ') return false;
        if (previous is ' ' or '\u200B') return true;
        return previous is '-' or '/' && index >= 2 && char.IsLetterOrDigit(text[index - 2]) && char.IsLetterOrDigit(text[index]);
    }

    private static int ClusterBoundaryAtOrBefore(ShapedParagraph paragraph, int index, int lineStart)
    {
        for (var i = index; i > lineStart; i--)
            if (paragraph.ClusterStarts[i] && !char.IsLowSurrogate(paragraph.Text[i])) return i;
        for (var i = lineStart + 1; i < paragraph.Text.Length; i++)
            if (paragraph.ClusterStarts[i]) return i;
        return paragraph.Text.Length;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && text[end - 1] == ' ') end--;
        return end;
    }
}
