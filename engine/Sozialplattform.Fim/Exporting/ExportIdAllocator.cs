using System.Globalization;
using System.Text;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// Ids for elements that have no FIM id yet (authored here, not imported). They use the private
/// Hauptnummernkreis <c>99</c> (XDatenfelder 3 shape: letter + 11 digits, e.g. <c>F99012345678</c>), are derived
/// from the element's path in the form so that exporting again gives the same ids, and never collide with
/// each other or with the FIM ids already in the form.
/// </summary>
public sealed class ExportIdAllocator(IEnumerable<string> existingIds)
{
    public const string PrivateRange = "99";
    public const string NewElementVersion = "1.0.0";

    private readonly HashSet<string> _used = new(existingIds, StringComparer.Ordinal);

    public FimIdentity Allocate(char prefix, string path)
    {
        var number = Hash(path) % 1_000_000_000;
        string id;
        do id = $"{prefix}{PrivateRange}{(number++ % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture)}";
        while (!_used.Add(id));
        return new FimIdentity(id, NewElementVersion);
    }

    /// <summary>FNV-1a: stable across runs and platforms, unlike string.GetHashCode.</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
