using System.Text;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// File names as the portal keeps them: at most <see cref="MaxBytes"/> bytes in UTF-8 (what file systems and the
/// answer's attachment metadata take). A longer name is shortened — never inside a
/// character, the end of its stem is cut — and keeps its extension, so the citizen still recognises the file; an empty name becomes "Datei".
/// </summary>
public static class FileNames
{
    public const int MaxBytes = 255;
    private const string Ellipsis = "…";
    private const int MaxExtensionBytes = 20;

    public static string Shorten(string name)
    {
        name = name.Trim();
        if (name.Length == 0) return "Datei";
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes) return name;
        var extension = Path.GetExtension(name);
        if (Encoding.UTF8.GetByteCount(extension) > MaxExtensionBytes) extension = "";
        var stem = name[..^extension.Length];
        var room = MaxBytes - Encoding.UTF8.GetByteCount(Ellipsis + extension);
        var kept = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > room) break;
            kept.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }

        return kept + Ellipsis + extension;
    }
}
