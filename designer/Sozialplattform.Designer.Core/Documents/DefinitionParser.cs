using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Documents;

/// <summary>Reads definition JSON into nodes and remembers where each node was, so that it can be written back unchanged.</summary>
internal static class DefinitionParser
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static (JsonObject Root, SourceSpans Spans) Parse(byte[] utf8, string source)
    {
        var spans = new SourceSpans(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read()) throw new DefinitionFormatException(source, 1, 1, "the file is empty");
            if (reader.TokenType != JsonTokenType.StartObject) throw new DefinitionFormatException(source, 1, 1, "a form definition must be a JSON object");
            var root = (JsonObject)Read(ref reader, spans, source)!;
            if (reader.Read()) throw new DefinitionFormatException(source, Line(utf8, (int)reader.TokenStartIndex), 1, "unexpected content after the end of the JSON document");
            return (root, spans);
        }
        catch (JsonException e)
        {
            throw new DefinitionFormatException(source, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, "not valid JSON: " + e.Message.Split(" LineNumber:")[0]);
        }
    }

    private static JsonNode? Read(ref Utf8JsonReader reader, SourceSpans spans, string source)
    {
        var start = (int)reader.TokenStartIndex;
        JsonNode? node;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (!obj.TryAdd(name, Read(ref reader, spans, source)))
                        throw new DefinitionFormatException(source, Line(spans.Source, start), 0, $"the property '{name}' appears twice in one object");
                }

                node = obj;
                break;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) array.Add(Read(ref reader, spans, source));
                node = array;
                break;
            case JsonTokenType.String:
                node = JsonValue.Create(reader.GetString());
                break;
            case JsonTokenType.Number:
                node = JsonNode.Parse(reader.ValueSpan);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                node = JsonValue.Create(reader.GetBoolean());
                break;
            default:
                return null;
        }

        spans.Add(node!, start, (int)reader.BytesConsumed, Indent(spans.Source, start));
        return node;
    }

    private static int Indent(byte[] source, int position)
    {
        var lineStart = Array.LastIndexOf(source, (byte)'\n', Math.Max(0, position - 1)) + 1;
        var indent = 0;
        while (lineStart + indent < source.Length && source[lineStart + indent] == (byte)' ') indent++;
        return indent;
    }

    private static long Line(byte[] source, int position) => source.AsSpan(0, position).Count((byte)'\n') + 1;
}
