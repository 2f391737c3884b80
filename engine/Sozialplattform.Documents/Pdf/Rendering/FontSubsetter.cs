using System.Runtime.InteropServices;
using HarfBuzzSharp;
using Sozialplattform.Documents.Text;
using static Sozialplattform.Documents.Pdf.Rendering.HarfBuzzSubsetApi;

namespace Sozialplattform.Documents.Pdf.Rendering;

/// <summary>
/// Cuts a font down to the glyphs a document uses. Glyph ids are kept (so text shaped with the full
/// font draws unchanged), hinting and the shaping tables go (the text is already shaped), and the
/// character map keeps every code point of a kept glyph so the PDF's ToUnicode map lets readers
/// extract the text.
/// </summary>
internal static class FontSubsetter
{
    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "kern", "hdmx", "VDMX", "LTSH"];

    private static readonly Lock OneAtATime = new();

    public static byte[] Subset(ShapingFont font, IReadOnlySet<ushort> glyphs)
    {
        // Concurrent subsets once produced empty fonts (before ShapingFont's blob became read-only);
        // a subset takes about a millisecond, so renders simply take turns here.
        lock (OneAtATime)
        {
            return SubsetAlone(font, glyphs);
        }
    }

    private static byte[] SubsetAlone(ShapingFont font, IReadOnlySet<ushort> glyphs)
    {
        // A face of its own, so subsetting never touches the face other threads shape with.
        var pinned = GCHandle.Alloc(font.Data, GCHandleType.Pinned);
        try
        {
            using var blob = new Blob(pinned.AddrOfPinnedObject(), font.Data.Length, MemoryMode.ReadOnly);
            using var face = new Face(blob, 0);
            return Subset(font, face, glyphs);
        }
        finally
        {
            pinned.Free();
        }
    }

    private static byte[] Subset(ShapingFont font, Face face, IReadOnlySet<ushort> glyphs)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not create a subset input.");
        try
        {
            hb_subset_input_set_flags(input, FlagNoHinting | FlagRetainGlyphIds);
            var glyphSet = hb_subset_input_glyph_set(input);
            var unicodeSet = hb_subset_input_unicode_set(input);
            hb_set_add(glyphSet, 0);
            foreach (var glyph in glyphs)
            {
                hb_set_add(glyphSet, glyph);
                if (font.CodepointsByGlyph.TryGetValue(glyph, out var codepoints))
                    foreach (var codepoint in codepoints) hb_set_add(unicodeSet, codepoint);
            }

            var dropped = hb_subset_input_set(input, SetDropTableTags);
            foreach (var table in DroppedTables) hb_set_add(dropped, Tag(table));

            return Run(font, face, input);
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static byte[] Run(ShapingFont font, Face face, IntPtr input)
    {
        var subset = hb_subset_or_fail(face.Handle, input);
        if (subset == IntPtr.Zero) throw new InvalidOperationException($"HarfBuzz could not subset the font {font.Name}.");
        var blob = hb_face_reference_blob(subset);
        try
        {
            var data = hb_blob_get_data(blob, out var length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(blob);
            hb_face_destroy(subset);
        }
    }

    private static uint Tag(string name) => (uint)(name[0] << 24 | name[1] << 16 | name[2] << 8 | name[3]);
}
