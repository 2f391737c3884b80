using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>
/// The JSON source of one element, typed by a power user, as one undoable edit: the form itself property by property
/// (what is gone is removed), a page or item in its place in its list. Text that is no JSON object is refused with the
/// line and position; an item must keep a type, a page its id.
/// </summary>
public static class ReplaceElement
{
    public const int MaxSourceLength = 2_000_000;

    /// <summary>The element's source as the editor shows it (indented).</summary>
    public static string Source(DefinitionDocument document, DocumentPath element) =>
        element.Find(document.Root)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    /// <summary>The edit, or the reason (German, for the author) why the text cannot replace the element.</summary>
    public static (IEdit? Edit, string? Problem) Plan(DefinitionDocument document, DocumentPath element, string source)
    {
        if (source.Length > MaxSourceLength) return (null, $"Der Text ist länger als {MaxSourceLength:N0} Zeichen.");
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(source, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return (null, $"Kein gültiges JSON (Zeile {(e.LineNumber ?? 0) + 1}, Zeichen {(e.BytePositionInLine ?? 0) + 1}): {FirstSentence(e.Message)}");
        }

        if (parsed is not JsonObject replacement) return (null, "Ein Element ist ein JSON-Objekt ({ … }).");
        if (element.Find(document.Root) is not JsonObject current) return (null, "Dieses Element gibt es nicht mehr.");
        if (JsonNode.DeepEquals(current, replacement)) return (null, null);

        if (element.IsRoot)
        {
            var edits = new List<IEdit>();
            foreach (var (name, value) in replacement)
                if (!JsonNode.DeepEquals(current[name], value)) edits.Add(new SetProperty(DocumentPath.Root, name, value?.DeepClone()));
            foreach (var name in current.Select(p => p.Key).Where(n => !replacement.ContainsKey(n)).ToList())
                edits.Add(new SetProperty(DocumentPath.Root, name, null));
            return (new EditGroup("Quelltext des Formulars übernommen", edits), null);
        }

        var isPage = element.Segments is ["pages", int];
        if (isPage && replacement["id"] is not JsonValue) return (null, "Eine Seite braucht ihre \"id\".");
        if (!isPage && replacement["type"] is not JsonValue) return (null, "Ein Element braucht seinen \"type\".");
        if (element.Parent is not { } list || element.Last is not int index) return (null, "Dieses Element kann nicht als Ganzes ersetzt werden.");
        return (new EditGroup("Quelltext des Elements übernommen", [new RemoveItem(list, index), new InsertItem(list, index, replacement)]), null);
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
}
