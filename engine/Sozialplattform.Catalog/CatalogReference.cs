namespace Sozialplattform.Catalog;

/// <summary>An <c>id@version</c> reference to a form, block or code list.</summary>
public sealed record CatalogReference(string Id, string Version) : IComparable<CatalogReference>
{
    public static CatalogReference Parse(string text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1) throw new CatalogException($"'{text}' is not a reference of the form id@version.");
        return new CatalogReference(text[..at], text[(at + 1)..]);
    }

    /// <summary><c>id</c> or <c>id@version</c>, as given on the command line.</summary>
    public static (string Id, string? Version) ParseSelector(string text)
    {
        var at = text.LastIndexOf('@');
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }

    public int CompareTo(CatalogReference? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => $"{Id}@{Version}";
}
