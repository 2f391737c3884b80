namespace Sozialplattform.Centres.Search;

/// <summary>"50667" or "50600-50999" (both ends included); compared as 5-digit strings.</summary>
public readonly record struct PostalCodeRange(string From, string To)
{
    public bool IsSingle => From == To;

    public bool Contains(string postalCode) => string.CompareOrdinal(postalCode, From) >= 0 && string.CompareOrdinal(postalCode, To) <= 0;

    public static PostalCodeRange? Parse(string entry)
    {
        var parts = entry.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 2 || parts.Any(p => p.Length != 5 || !p.All(char.IsAsciiDigit))) return null;
        return new PostalCodeRange(parts[0], parts[^1]);
    }

    public override string ToString() => IsSingle ? From : $"{From}-{To}";
}
