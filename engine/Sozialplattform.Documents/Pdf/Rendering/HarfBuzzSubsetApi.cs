using System.Runtime.InteropServices;

namespace Sozialplattform.Documents.Pdf.Rendering;

/// <summary>
/// The part of HarfBuzz's hb-subset API that HarfBuzzSharp ships in its native library but does not wrap.
/// SkiaSharp's own PDF backend is built without a font subsetter and would embed whole font files.
/// </summary>
internal static class HarfBuzzSubsetApi
{
    private const string Library = "libHarfBuzzSharp";

    public const uint FlagNoHinting = 0x1;
    public const uint FlagRetainGlyphIds = 0x2;
    public const int SetDropTableTags = 3;

    [DllImport(Library)] public static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Library)] public static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Library)] public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Library)] public static extern IntPtr hb_subset_input_glyph_set(IntPtr input);
    [DllImport(Library)] public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Library)] public static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Library)] public static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(Library)] public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Library)] public static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Library)] public static extern void hb_face_destroy(IntPtr face);
    [DllImport(Library)] public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Library)] public static extern void hb_blob_destroy(IntPtr blob);
}
