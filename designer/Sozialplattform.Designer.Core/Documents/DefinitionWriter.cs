using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Documents;

/// <summary>
/// Writes a definition the way a developer would: untouched parts exactly as they were read (re-indented when they
/// moved), changed and new parts with 2-space indent, one property per line, and short lists of plain values
/// (texts per language, legal references) on one line — <c>{"de": "Ja", "en": "Yes"}</c>. UTF-8, "\n", trailing newline.
/// </summary>
internal sealed class DefinitionWriter
{
    public const int LineWidth = 120;

    private static readonly JsonSerializerOptions ScalarOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SourceSpans _spans;
    private readonly MemoryStream _output = new();

    private DefinitionWriter(SourceSpans spans) => _spans = spans;

    public static byte[] Write(JsonObject root, SourceSpans spans)
    {
        var writer = new DefinitionWriter(spans);
        writer.Value(root, indent: 0, prefix: 0);
        writer._output.WriteByte((byte)'\n');
        return writer._output.ToArray();
    }

    private void Value(JsonNode? node, int indent, int prefix)
    {
        if (node is not null && _spans.TryGetUntouched(node, out var span))
        {
            Verbatim(span, indent);
            return;
        }

        switch (node)
        {
            case JsonObject or JsonArray when Inline(node, indent, prefix) is { } line:
                Text(line);
                break;
            case JsonObject obj:
                Expanded(obj.Select(p => (Name: (string?)p.Key, p.Value)).ToList(), '{', '}', indent);
                break;
            case JsonArray array:
                Expanded(array.Select(v => (Name: (string?)null, Value: v)).ToList(), '[', ']', indent);
                break;
            default:
                Text(Scalar(node));
                break;
        }
    }

    private void Expanded(IReadOnlyList<(string? Name, JsonNode? Value)> children, char open, char close, int indent)
    {
        _output.WriteByte((byte)open);
        for (var i = 0; i < children.Count; i++)
        {
            Text(i == 0 ? "\n" : ",\n");
            Text(new string(' ', indent + 2));
            var (name, value) = children[i];
            var prefix = 0;
            if (name is not null)
            {
                var key = Name(name);
                Text(key);
                prefix = key.Length;
            }

            Value(value, indent + 2, prefix);
        }

        if (children.Count > 0) Text("\n" + new string(' ', indent));
        _output.WriteByte((byte)close);
    }

    /// <summary>
    /// The one-line form of a container, or null when it belongs on several lines: it was written on several lines
    /// before, it holds a part that spans lines, it is too wide, or (when new) it holds more than plain values.
    /// </summary>
    private string? Inline(JsonNode container, int indent, int prefix)
    {
        var hadSpan = _spans.TryGet(container, out var span);
        if (hadSpan && _spans.IsMultiLine(span)) return null;
        if (container is JsonObject { Count: 0 }) return "{}";
        if (container is JsonArray { Count: 0 }) return "[]";
        var text = new StringBuilder();
        if (!AppendInline(container, text, nestedContainersAllowed: hadSpan)) return null;
        var limit = hadSpan ? Math.Max(LineWidth, indent + prefix + span.End - span.Start) : LineWidth;
        return indent + prefix + text.Length + 1 <= limit ? text.ToString() : null;
    }

    private bool AppendInline(JsonNode? node, StringBuilder text, bool nestedContainersAllowed)
    {
        if (node is not null && _spans.TryGetUntouched(node, out var span))
        {
            if (_spans.IsMultiLine(span)) return false;
            text.Append(Encoding.UTF8.GetString(_spans.Bytes(span)));
            return true;
        }

        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in obj)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    text.Append(Name(name));
                    if (value is JsonObject or JsonArray && !nestedContainersAllowed) return false;
                    if (!AppendInline(value, text, nestedContainersAllowed)) return false;
                }

                text.Append('}');
                return true;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    if (array[i] is JsonObject or JsonArray && !nestedContainersAllowed) return false;
                    if (!AppendInline(array[i], text, nestedContainersAllowed)) return false;
                }

                text.Append(']');
                return true;
            default:
                text.Append(Scalar(node));
                return true;
        }
    }

    /// <summary>Copies an untouched node; its inner lines keep their indentation relative to where the node now starts.</summary>
    private void Verbatim(SourceSpans.Span span, int indent)
    {
        var bytes = _spans.Bytes(span);
        var shift = indent - span.Indent;
        if (shift == 0 || !bytes.Contains((byte)'\n'))
        {
            _output.Write(bytes);
            return;
        }

        var i = 0;
        while (i < bytes.Length)
        {
            var newline = bytes[i..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                _output.Write(bytes[i..]);
                return;
            }

            _output.Write(bytes.Slice(i, newline + 1));
            i += newline + 1;
            var spaces = 0;
            while (i + spaces < bytes.Length && bytes[i + spaces] == (byte)' ') spaces++;
            i += spaces;
            Text(new string(' ', Math.Max(0, spaces + shift)));
        }
    }

    private static string Name(string name) => JsonSerializer.Serialize(name, ScalarOptions) + ": ";

    private static string Scalar(JsonNode? node) => node is null ? "null" : node.ToJsonString(ScalarOptions);

    private void Text(string text) => _output.Write(Encoding.UTF8.GetBytes(text));
}
