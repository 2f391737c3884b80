namespace Sozialplattform.Designer.Tests.Support;

/// <summary>Compares two texts line by line, as a reviewer sees a git diff.</summary>
public static class Lines
{
    /// <summary>The lines that differ between two texts of which one is the other with a few lines changed, added or removed.</summary>
    public static int Changed(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        return Math.Max(a.Length - prefix - suffix, b.Length - prefix - suffix);
    }
}
