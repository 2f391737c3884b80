using System.Runtime.InteropServices;
using HarfBuzzSharp;
using Buffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace Sozialplattform.Documents.Text;

/// <summary>
/// One font file, loaded from bytes (never by family name, so every machine renders the same),
/// shaped with HarfBuzz. Metrics are in em units (1 = font size), so results do not depend on the size.
/// Thread-safe: HarfBuzz fonts are immutable once set up; each shaping call uses its own buffer.
/// </summary>
public sealed class ShapingFont : IDisposable
{
    // Latin ligatures would turn "fi" into one glyph that text extraction reads as U+FB01;
    // Arabic's required ligatures (rlig) stay on.
    private static readonly Feature[] Features = [Feature.Parse("liga=0"), Feature.Parse("clig=0")];

    private readonly Blob _blob;
    private readonly HbFont _font;
    private readonly Lazy<IReadOnlyDictionary<uint, uint[]>> _codepointsByGlyph;

    public ShapingFont(string name, byte[] data)
    {
        Name = name;
        Data = data;
        _blob = ReadOnlyBlob(data);
        Face = new Face(_blob, 0);
        Face.MakeImmutable();
        UnitsPerEm = Face.UnitsPerEm;
        _font = new HbFont(Face);
        _font.SetScale(UnitsPerEm, UnitsPerEm);
        _font.TryGetHorizontalFontExtents(out var extents);
        Ascender = extents.Ascender / (float)UnitsPerEm;
        Descender = -extents.Descender / (float)UnitsPerEm;
        LineGap = extents.LineGap / (float)UnitsPerEm;
        _codepointsByGlyph = new Lazy<IReadOnlyDictionary<uint, uint[]>>(ReadCharacterMap);
        WarmUp();
    }

    /// <summary>
    /// A read-only copy in native memory. On a writable blob (as Blob.FromStream makes) HarfBuzz's
    /// sanitizer repairs font tables in place while they are loaded lazily; with concurrent first uses
    /// that produced wrong glyphs for DejaVu Sans Bold. Read-only makes HarfBuzz repair a private copy.
    /// </summary>
    private static Blob ReadOnlyBlob(byte[] data)
    {
        var memory = Marshal.AllocHGlobal(data.Length);
        Marshal.Copy(data, 0, memory, data.Length);
        var blob = new Blob(memory, data.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(memory));
        blob.MakeImmutable();
        return blob;
    }

    /// <summary>Loads the shaping tables once, on one thread, before the font is shared.</summary>
    private void WarmUp()
    {
        const string sample = "Aä fi 1,5 € – عربي لا";
        Shape(sample, 0, 8, 0);
        Shape(sample, 16, 6, 1);
    }

    public string Name { get; }

    /// <summary>The font file as shipped; the PDF embeds a subset of it.</summary>
    public byte[] Data { get; }

    internal Face Face { get; }

    public int UnitsPerEm { get; }

    public float Ascender { get; }

    /// <summary>Distance below the baseline, positive.</summary>
    public float Descender { get; }

    public float LineGap { get; }

    /// <summary>Every code point the font maps to a glyph, by glyph: used to keep the character map of a subset.</summary>
    public IReadOnlyDictionary<uint, uint[]> CodepointsByGlyph => _codepointsByGlyph.Value;

    /// <summary>Shapes <paramref name="length"/> characters from <paramref name="start"/>; the rest of the text is context (Arabic joining).</summary>
    public ShapedRun Shape(string text, int start, int length, byte level)
    {
        using var buffer = new Buffer();
        buffer.AddUtf16(text.AsSpan(), start, length);
        buffer.GuessSegmentProperties();
        buffer.Direction = level % 2 == 1 ? Direction.RightToLeft : Direction.LeftToRight;
        _font.Shape(buffer, Features);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var glyphs = new ushort[infos.Length];
        var clusters = new int[infos.Length];
        var advances = new float[infos.Length];
        var offsetsX = new float[infos.Length];
        var offsetsY = new float[infos.Length];
        var em = 1f / UnitsPerEm;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            advances[i] = positions[i].XAdvance * em;
            offsetsX[i] = positions[i].XOffset * em;
            offsetsY[i] = positions[i].YOffset * em;
        }

        return new ShapedRun(start, length, level, glyphs, clusters, advances, offsetsX, offsetsY);
    }

    private Dictionary<uint, uint[]> ReadCharacterMap()
    {
        var map = new Dictionary<uint, List<uint>>();
        for (uint codepoint = 0x20; codepoint <= 0xFFFF; codepoint++)
        {
            if (!_font.TryGetNominalGlyph(codepoint, out var glyph) || glyph == 0) continue;
            if (!map.TryGetValue(glyph, out var list)) map[glyph] = list = [];
            list.Add(codepoint);
        }

        return map.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());
    }

    public void Dispose()
    {
        _font.Dispose();
        Face.Dispose();
        _blob.Dispose();
    }
}
