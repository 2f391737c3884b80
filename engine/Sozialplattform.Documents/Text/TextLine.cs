using System.Text;

namespace Sozialplattform.Documents.Text;

/// <summary>Glyphs of one font placed along a line, with the text they stand for (for text extraction).</summary>
public sealed record PositionedRun(ushort[] Glyphs, float[] X, float[] Y, byte[] Utf8Text, uint[] Utf8Clusters);

/// <summary>
/// One laid-out line in visual order: runs left to right, positions in em units from the line's left
/// edge and baseline (y grows downwards).
/// </summary>
public sealed record TextLine(IReadOnlyList<PositionedRun> Runs, float Width, bool RightToLeft)
{
    public static TextLine Empty(bool rightToLeft) => new([], 0, rightToLeft);

    /// <summary>Cuts the characters [start, end) out of a shaped paragraph and orders its runs visually (UAX #9 rule L2).</summary>
    public static TextLine Cut(ShapedParagraph paragraph, int start, int end)
    {
        var pieces = paragraph.Runs.Where(r => r.Start < end && r.End > start).ToList();
        var levels = pieces.Select(r => r.Level).ToList();
        var runs = new List<PositionedRun>(pieces.Count);
        var pen = 0f;
        foreach (var index in BidiResolver.VisualOrder(levels))
        {
            var run = pieces[index];
            var (from, to) = (Math.Max(start, run.Start), Math.Min(end, run.End));
            runs.Add(Place(paragraph.Text, run, from, to, ref pen));
        }

        return new TextLine(runs, pen, paragraph.RightToLeft);
    }

    private static PositionedRun Place(string text, ShapedRun run, int from, int to, ref float pen)
    {
        var utf8Offsets = new uint[to - from + 1];
        for (var i = from; i < to; i++)
            utf8Offsets[i - from + 1] = utf8Offsets[i - from] + Utf8Length(text[i]);

        var glyphs = new List<ushort>();
        var xs = new List<float>();
        var ys = new List<float>();
        var clusters = new List<uint>();
        for (var g = 0; g < run.Glyphs.Length; g++)
        {
            var cluster = run.Clusters[g];
            if (cluster < from || cluster >= to) continue;
            if (run.Glyphs[g] == 0)
            {
                // A character the font lacks: PDF/A forbids drawing .notdef, so leave its space empty.
                pen += run.Advances[g];
                continue;
            }

            glyphs.Add(run.Glyphs[g]);
            xs.Add(pen + run.OffsetsX[g]);
            ys.Add(-run.OffsetsY[g]);
            clusters.Add(utf8Offsets[cluster - from]);
            pen += run.Advances[g];
        }

        return new PositionedRun([.. glyphs], [.. xs], [.. ys], Encoding.UTF8.GetBytes(text[from..to]), [.. clusters]);
    }

    // Text reaching here has no lone surrogates (TextLayouter replaces them), so a pair always counts 4 bytes.
    private static uint Utf8Length(char c) => c switch
    {
        < '\u0080' => 1,
        < '\u0800' => 2,
        _ when char.IsHighSurrogate(c) => 4,
        _ when char.IsLowSurrogate(c) => 0,
        _ => 3,
    };
}
