using System.Text;
using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Documents;

/// <summary>
/// The address of a node in a definition, written the way the engine reports problems: <c>pages[0].items[2].label</c>
/// (the empty path is the form itself). Property names that are no identifiers are written <c>['a b']</c>.
/// </summary>
public sealed record DocumentPath
{
    public static readonly DocumentPath Root = new([]);

    private DocumentPath(IReadOnlyList<object> segments) => Segments = segments;

    /// <summary>Each segment is a property name (string) or an array index (int).</summary>
    public IReadOnlyList<object> Segments { get; }

    public bool IsRoot => Segments.Count == 0;

    public DocumentPath? Parent => IsRoot ? null : new DocumentPath(Segments.Take(Segments.Count - 1).ToList());

    public object Last => Segments[^1];

    public DocumentPath Property(string name) => new([.. Segments, name]);

    public DocumentPath Index(int index) => new([.. Segments, index]);

    public bool StartsWith(DocumentPath prefix) =>
        prefix.Segments.Count <= Segments.Count && prefix.Segments.Select((s, i) => Equals(s, Segments[i])).All(e => e);

    public static DocumentPath Parse(string text)
    {
        var segments = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.') i++;
            if (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0) throw new FormatException($"'{text}' is not a definition path: ']' is missing");
                var inner = text[(i + 1)..close];
                if (inner.StartsWith('\'')) segments.Add(inner.Trim('\''));
                else if (int.TryParse(inner, out var index) && index >= 0) segments.Add(index);
                else throw new FormatException($"'{text}' is not a definition path: '{inner}' is no index");
                i = close + 1;
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] is not ('.' or '[')) end++;
            if (end == i) throw new FormatException($"'{text}' is not a definition path");
            segments.Add(text[i..end]);
            i = end;
        }

        return new DocumentPath(segments);
    }

    /// <summary>Where <paramref name="node"/> is now in its document.</summary>
    public static DocumentPath Of(JsonNode node) => Parse(node.GetPath().TrimStart('$'));

    public static bool TryParse(string text, out DocumentPath path)
    {
        try
        {
            path = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            path = Root;
            return false;
        }
    }

    /// <summary>The node at this path, or null when the path leads nowhere.</summary>
    public JsonNode? Find(JsonNode root)
    {
        var node = root;
        foreach (var segment in Segments)
        {
            node = (node, segment) switch
            {
                (JsonObject o, string name) => o[name],
                (JsonArray a, int index) when index < a.Count => a[index],
                _ => null,
            };
            if (node is null) return null;
        }

        return node;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment is int index) text.Append('[').Append(index).Append(']');
            else if (IsIdentifier((string)segment)) text.Append(text.Length == 0 ? "" : ".").Append(segment);
            else text.Append("['").Append(segment).Append("']");
        }

        return text.ToString();
    }

    public bool Equals(DocumentPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
