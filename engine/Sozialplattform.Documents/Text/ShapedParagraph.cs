namespace Sozialplattform.Documents.Text;

/// <summary>
/// One paragraph (no line feeds) split into directional runs and shaped once; lines are cut from it
/// without shaping again. Widths are in em units.
/// </summary>
public sealed class ShapedParagraph
{
    private ShapedParagraph(string text, bool rightToLeft, IReadOnlyList<ShapedRun> runs, float[] advances, bool[] clusterStarts)
    {
        Text = text;
        RightToLeft = rightToLeft;
        Runs = runs;
        Advances = advances;
        ClusterStarts = clusterStarts;
    }

    public string Text { get; }

    /// <summary>The paragraph's base direction.</summary>
    public bool RightToLeft { get; }

    /// <summary>Runs of one embedding level, in logical order.</summary>
    public IReadOnlyList<ShapedRun> Runs { get; }

    /// <summary>Per character: the advance of the glyphs whose cluster starts there (0 inside a cluster).</summary>
    public float[] Advances { get; }

    /// <summary>Per character: whether a line may be cut before it without splitting a cluster.</summary>
    public bool[] ClusterStarts { get; }

    /// <summary>
    /// The paragraph direction follows its first strong character (UAX #9 rules P2, P3), so a German
    /// address in an Arabic document reads left to right; text without one takes the document's direction.
    /// </summary>
    public static ShapedParagraph Shape(string text, ShapingFont font, bool documentRightToLeft)
    {
        var rightToLeft = BidiResolver.FirstStrongIsRightToLeft(text) ?? documentRightToLeft;
        var levels = BidiResolver.ResolveLevels(text, rightToLeft);
        var runs = new List<ShapedRun>();
        for (var start = 0; start < text.Length;)
        {
            var end = start + 1;
            while (end < text.Length && levels[end] == levels[start]) end++;
            runs.Add(font.Shape(text, start, end - start, levels[start]));
            start = end;
        }

        var advances = new float[text.Length];
        var clusterStarts = new bool[text.Length];
        foreach (var run in runs)
        {
            for (var g = 0; g < run.Glyphs.Length; g++)
            {
                advances[run.Clusters[g]] += run.Advances[g];
                clusterStarts[run.Clusters[g]] = true;
            }
        }

        return new ShapedParagraph(text, rightToLeft, runs, advances, clusterStarts);
    }

    public float Width(int start, int end)
    {
        var width = 0f;
        for (var i = start; i < end; i++) width += Advances[i];
        return width;
    }
}
