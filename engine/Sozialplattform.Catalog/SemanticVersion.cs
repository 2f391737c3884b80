namespace Sozialplattform.Catalog;

/// <summary>major.minor.patch with an optional pre-release suffix, ordered numerically (pre-releases first).</summary>
public sealed record SemanticVersion(int Major, int Minor, int Patch, string PreRelease) : IComparable<SemanticVersion>
{
    public static SemanticVersion Parse(string text)
    {
        var dash = text.IndexOf('-');
        var core = (dash < 0 ? text : text[..dash]).Split('.');
        if (core.Length != 3 || !core.All(p => int.TryParse(p, out _)))
            throw new CatalogException($"'{text}' is not a semantic version (major.minor.patch).");
        return new SemanticVersion(int.Parse(core[0]), int.Parse(core[1]), int.Parse(core[2]), dash < 0 ? "" : text[(dash + 1)..]);
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0) return byNumbers;
        if (PreRelease.Length == 0 || other.PreRelease.Length == 0) return other.PreRelease.Length.CompareTo(PreRelease.Length);
        return string.CompareOrdinal(PreRelease, other.PreRelease);
    }
}
