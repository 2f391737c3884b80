using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// What the browser posted for one field: <c>path</c>, or <c>path.part</c> for the parts of composite fields. At most
/// the field's number of values is read (a browser never posts more); <see cref="IsTooLong"/> tells whether any of
/// them is longer than the field takes.
/// </summary>
public sealed class PostedFieldInput(IFormCollection form, string path, InputLimit limit) : IFormInput
{
    public IReadOnlyList<string> Values(string? part = null)
    {
        var values = form[Key(part)];
        return values.Count == 0 ? [] : values.Take(limit.MaxValues).Select(v => v ?? "").ToList();
    }

    /// <summary>True when a posted value of this field (or of one of its parts) has more characters than the limit, not counting surrounding white space.</summary>
    public bool IsTooLong => form.Keys.Where(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal))
        .SelectMany(k => form[k].Take(limit.MaxValues))
        .Any(v => v is not null && v.Length > limit.MaxLength && Length(v.AsSpan().Trim()) > limit.MaxLength);

    private string Key(string? part) => part is null ? path : $"{path}.{part}";

    /// <summary>Characters as the field types count them (a surrogate pair is one).</summary>
    private static int Length(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }
}
