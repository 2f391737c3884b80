using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// Gives the items of one scope (a group's children, or the root across all pages) unique keys: the FIM id,
/// and <c>_2</c>, <c>_3</c> … with a warning when the same element appears twice among siblings.
/// </summary>
public sealed class KeyAllocator(DiagnosticBag diagnostics)
{
    /// <summary>Names the rule language reserves; a key must not shadow them.</summary>
    private static readonly HashSet<string> Reserved = ["row", "rowIndex", "value", "isEmpty", "isFilled", "countFilled", "count", "sum", "age"];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Allocate(FimIdentity element, int line)
    {
        var key = Identifiers.Key(element.Id);
        if (key != element.Id) diagnostics.Info(DiagnosticCodes.KeyAdjusted, element, line, ("key", key));
        if (Reserved.Contains(key)) key = "_" + key;
        if (_used.Add(key)) return key;

        var unique = Enumerable.Range(2, int.MaxValue - 2).Select(n => Suffixed(key, n)).First(k => !_used.Contains(k));
        _used.Add(unique);
        diagnostics.Warning(DiagnosticCodes.KeyDuplicate, element, line, ("key", unique));
        return unique;
    }

    private static string Suffixed(string key, int n)
    {
        var suffix = "_" + n;
        return (key.Length + suffix.Length > Identifiers.MaxKeyLength ? key[..(Identifiers.MaxKeyLength - suffix.Length)] : key) + suffix;
    }
}
