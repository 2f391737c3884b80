namespace Sozialplattform.Fim;

/// <summary>The two text helpers the reader, mapper and exporter all need.</summary>
internal static class TextExtensions
{
    public static string? NullIfEmpty(this string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";
}
