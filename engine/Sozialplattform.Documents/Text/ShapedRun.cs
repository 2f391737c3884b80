namespace Sozialplattform.Documents.Text;

/// <summary>
/// HarfBuzz's output for one run of one bidi embedding level: glyphs in visual order, each with the index of the
/// first character of its cluster in the paragraph text. Advances and offsets are in em units.
/// </summary>
public sealed record ShapedRun(
    int Start,
    int Length,
    byte Level,
    ushort[] Glyphs,
    int[] Clusters,
    float[] Advances,
    float[] OffsetsX,
    float[] OffsetsY)
{
    public int End => Start + Length;

    public bool RightToLeft => Level % 2 == 1;
}
