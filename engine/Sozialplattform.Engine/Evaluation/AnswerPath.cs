using System.Globalization;
using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>Paths of answers as used in errors and states: <c>haushalt[2].einkommen</c>.</summary>
public static class AnswerPath
{
    public abstract record Segment;

    public sealed record Key(string Name) : Segment;

    public sealed record Index(int Value) : Segment;

    public static IReadOnlyList<Segment> Parse(string path)
    {
        var segments = new List<Segment>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            segments.Add(new Key(bracket < 0 ? part : part[..bracket]));
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw new FormatException($"'{path}' is not an answer path like 'group[0].field'");
                segments.Add(new Index(index));
                bracket = part.IndexOf('[', close);
            }
        }

        return segments;
    }

    /// <summary>Sets a value inside an answers object, creating objects and rows on the way.</summary>
    public static void Set(JsonObject answers, IReadOnlyList<Segment> segments, JsonNode? value)
    {
        JsonNode current = answers;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var next = last ? null : segments[i + 1];
            JsonNode Create() => next is Index ? new JsonArray() : new JsonObject();
            switch (segments[i], current)
            {
                case (Key key, JsonObject obj):
                    if (last) { obj[key.Name] = value; return; }
                    if (obj[key.Name] is not { } child || (next is Index) != child is JsonArray) obj[key.Name] = child = Create();
                    current = child;
                    break;
                case (Index index, JsonArray array):
                    while (array.Count <= index.Value) array.Add(new JsonObject());
                    if (last) { array[index.Value] = value; return; }
                    if (array[index.Value] is not { } row) array[index.Value] = row = Create();
                    current = row;
                    break;
                default:
                    throw new FormatException("the path does not match the shape of the answers");
            }
        }
    }
}
