using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Editing;

namespace Sozialplattform.Designer.Documents;

/// <summary>
/// A form definition being edited: the JSON as nodes, changed only through <see cref="IEdit"/>s (which the
/// <see cref="History"/> can undo and redo), and written back with untouched parts byte for byte as they were read.
/// Not thread-safe: one per editor.
/// </summary>
public sealed class DefinitionDocument
{
    private readonly SourceSpans _spans;

    private DefinitionDocument(JsonObject root, SourceSpans spans)
    {
        Root = root;
        _spans = spans;
        History = new EditHistory(this);
    }

    public JsonObject Root { get; }

    public EditHistory History { get; }

    /// <summary>Counts every change (edits, undo, redo): a cheap "has anything changed since" for views.</summary>
    public int Revision { get; private set; }

    public static DefinitionDocument Parse(byte[] utf8, string source)
    {
        var start = utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var (root, spans) = DefinitionParser.Parse(start == 0 ? utf8 : utf8[start..], source);
        return new DefinitionDocument(root, spans);
    }

    public static DefinitionDocument Parse(string text, string source) => Parse(Encoding.UTF8.GetBytes(text), source);

    /// <summary>A document that was never a file (a new form): everything is written in the designer's layout.</summary>
    public static DefinitionDocument Create(JsonObject root) => new(root, SourceSpans.Empty);

    public string Id => (Root["id"] as JsonValue)?.ToString() ?? "";

    public string Version => (Root["version"] as JsonValue)?.ToString() ?? "";

    public IReadOnlyList<string> Languages =>
        Root["languages"] is JsonArray languages ? languages.Select(l => l?.ToString() ?? "").Where(l => l.Length > 0).ToList() : ["de"];

    /// <summary>Applies an edit as one step of the history (undoable).</summary>
    public void Apply(IEdit edit) => History.Record(edit.Description, edit.Apply(this));

    public JsonNode? Find(DocumentPath path) => path.Find(Root);

    public byte[] ToUtf8() => DefinitionWriter.Write(Root, _spans);

    public string ToText() => Encoding.UTF8.GetString(ToUtf8());

    /// <summary>Called by edits: the node (and everything around it) must be written anew.</summary>
    internal void Changed(JsonNode? node)
    {
        _spans.MarkChanged(node);
        Revision++;
    }
}
