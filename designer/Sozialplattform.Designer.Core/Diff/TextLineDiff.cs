namespace Sozialplattform.Designer.Diff;

public enum LineChange { Same, Added, Removed }

/// <summary>One line of a text's line diff; <see cref="Skipped"/> &gt; 0 stands for that many unchanged lines left out.</summary>
public sealed record DiffLine(LineChange Change, string Text, int Skipped = 0);

/// <summary>
/// A readable line diff of two texts (a letter, an e-mail template): the longest common run of lines kept, the rest
/// removed or added, unchanged lines only as context around a change. Texts too long for the table (more than
/// <see cref="MaxCells"/> line pairs) show as all removed and all added — still exact, just not aligned.
/// </summary>
public static class TextLineDiff
{
    public const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(string? before, string? after, int context = 2)
    {
        var a = Lines(before);
        var b = Lines(after);
        var all = (long)a.Length * b.Length <= MaxCells ? Aligned(a, b) : [.. a.Select(l => new DiffLine(LineChange.Removed, l)), .. b.Select(l => new DiffLine(LineChange.Added, l))];
        return WithContext(all, context);
    }

    /// <summary>How many lines were added and removed.</summary>
    public static (int Added, int Removed) Count(IReadOnlyList<DiffLine> lines) =>
        (lines.Count(l => l.Change == LineChange.Added), lines.Count(l => l.Change == LineChange.Removed));

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static List<DiffLine> Aligned(string[] a, string[] b)
    {
        // Longest common subsequence, from the end, so that walking forward reads it off.
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new(LineChange.Same, a[x])); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) lines.Add(new(LineChange.Removed, a[x++]));
            else lines.Add(new(LineChange.Added, b[y++]));
        }

        lines.AddRange(a[x..].Select(l => new DiffLine(LineChange.Removed, l)));
        lines.AddRange(b[y..].Select(l => new DiffLine(LineChange.Added, l)));
        return lines;
    }

    private static List<DiffLine> WithContext(List<DiffLine> all, int context)
    {
        var near = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
            if (all[i].Change != LineChange.Same)
                for (var k = Math.Max(0, i - context); k <= Math.Min(all.Count - 1, i + context); k++) near[k] = true;
        var shown = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (near[i])
            {
                if (skipped > 0) shown.Add(new(LineChange.Same, "", skipped));
                skipped = 0;
                shown.Add(all[i]);
            }
            else skipped++;
        }

        if (skipped > 0 && shown.Count > 0) shown.Add(new(LineChange.Same, "", skipped));
        return shown;
    }
}
