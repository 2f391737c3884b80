using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Documents;

/// <summary>
/// Where each node of a definition was in the file it was read from, and whether it has changed since. Untouched
/// nodes are written back byte for byte; a changed node is written anew, keeping its one-line or multi-line layout.
/// </summary>
internal sealed class SourceSpans
{
    private readonly Dictionary<JsonNode, Span> _spans = new(ReferenceEqualityComparer.Instance);

    public SourceSpans(byte[] source) => Source = source;

    public static SourceSpans Empty { get; } = new([]);

    public byte[] Source { get; }

    public void Add(JsonNode node, int start, int end, int indent) => _spans[node] = new Span(start, end, indent, Changed: false);

    public bool TryGet(JsonNode node, out Span span) => _spans.TryGetValue(node, out span);

    /// <summary>The untouched source of <paramref name="node"/>, if it has one.</summary>
    public bool TryGetUntouched(JsonNode node, out Span span) => _spans.TryGetValue(node, out span) && !span.Changed;

    /// <summary>Marks the node and every node around it as changed (they must be written anew).</summary>
    public void MarkChanged(JsonNode? node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (!_spans.TryGetValue(current, out var span)) continue;
            if (span.Changed) return;
            _spans[current] = span with { Changed = true };
        }
    }

    public ReadOnlySpan<byte> Bytes(Span span) => Source.AsSpan(span.Start, span.End - span.Start);

    public bool IsMultiLine(Span span) => Bytes(span).Contains((byte)'\n');

    /// <param name="Indent">Spaces before the first token of the line the node starts on: the base its inner lines are indented from.</param>
    public readonly record struct Span(int Start, int End, int Indent, bool Changed);
}
