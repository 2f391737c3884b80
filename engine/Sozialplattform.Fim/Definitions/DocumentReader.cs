using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Fim.Definitions;

/// <summary>
/// Reads form, block and code-list files into their documents from a <see cref="JsonDocument"/>, as
/// <see cref="DefinitionJson.Read{T}"/> does with the serializer (same names, comments and trailing commas allowed,
/// unknown properties ignored, a missing required property or a value of the wrong kind a <see cref="JsonException"/>).
/// Why by hand: the serializer's first use — its metadata and generic converters for these types, by reflection or
/// source-generated alike — cost `sozial export-fim` about 60 ms of CPU, a fifth of the command (docs/BENCHMARKS.md).
/// </summary>
public static class DocumentReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static FormDocument ReadForm(string path) => Read(path, Form);

    public static BlockDocument ReadBlock(string path) => Read(path, Block);

    public static CodeListDocument ReadCodeList(string path) => Read(path, CodeList);

    private static T Read<T>(string path, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
        if (document.RootElement.ValueKind == JsonValueKind.Null) throw new JsonException($"{path}: empty document");
        try
        {
            return read(document.RootElement);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new JsonException($"{path}: {e.Message}", e);
        }
    }

    private static FormDocument Form(JsonElement e)
    {
        Expect(e, JsonValueKind.Object);
        var form = new FormDocument { Id = Required(e, "id", Str), Version = Required(e, "version", Str), Title = Required(e, "title", Text)! };
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "status": form.Status = Str(p.Value)!; break;
                case "languages": form.Languages = ListOf(p.Value, v => Str(v)!)!; break;
                case "help": form.Help = Text(p.Value); break;
                case "legalBasis": form.LegalBasis = ListOf(p.Value, Legal); break;
                case "service": form.Service = Null(p.Value) ? null : new ServiceDocument(Optional(p.Value, "fim", FimOf)); break;
                case "codeLists": form.CodeLists = ListOf(p.Value, CodeList); break;
                case "pages": form.Pages = ListOf(p.Value, Page)!; break;
                case "validations": form.Validations = ListOf(p.Value, Validation); break;
                case "notes": form.Notes = ListOf(p.Value, Note); break;
            }
        }

        return form;
    }

    private static BlockDocument Block(JsonElement e)
    {
        Expect(e, JsonValueKind.Object);
        var block = new BlockDocument { Id = Required(e, "id", Str), Version = Required(e, "version", Str), Title = Required(e, "title", Text)! };
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "help": block.Help = Text(p.Value); break;
                case "legalBasis": block.LegalBasis = ListOf(p.Value, Legal); break;
                case "items": block.Items = ListOf(p.Value, Item)!; break;
                case "validations": block.Validations = ListOf(p.Value, Validation); break;
                case "fim": block.Fim = FimOf(p.Value); break;
                case "notes": block.Notes = ListOf(p.Value, Note); break;
            }
        }

        return block;
    }

    private static CodeListDocument CodeList(JsonElement e)
    {
        Expect(e, JsonValueKind.Object);
        var list = new CodeListDocument { Id = Required(e, "id", Str), Version = Required(e, "version", Str) };
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "name": list.Name = Text(p.Value); break;
                case "canonicalUri": list.CanonicalUri = Str(p.Value); break;
                case "canonicalVersionUri": list.CanonicalVersionUri = Str(p.Value); break;
                case "source": list.Source = Str(p.Value); break;
                case "items": list.Items = ListOf(p.Value, Option)!; break;
            }
        }

        return list;
    }

    private static PageDocument Page(JsonElement e)
    {
        Expect(e, JsonValueKind.Object);
        var page = new PageDocument { Id = Required(e, "id", Str), Title = Required(e, "title", Text)! };
        if (e.TryGetProperty("items", out var items)) page.Items = ListOf(items, Item)!;
        return page;
    }

    private static ItemDocument Item(JsonElement e)
    {
        Expect(e, JsonValueKind.Object);
        var item = new ItemDocument { Key = Required(e, "key", Str), Type = Required(e, "type", Str) };
        foreach (var p in e.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "label": item.Label = Text(v); break;
                case "title": item.Title = Text(v); break;
                case "text": item.Text = Text(v); break;
                case "help": item.Help = Text(v); break;
                case "outputLabel": item.OutputLabel = Text(v); break;
                case "legalBasis": item.LegalBasis = ListOf(v, Legal); break;
                case "required": item.Required = Null(v) ? null : v.GetBoolean(); break;
                case "requiredIf": item.RequiredIf = Str(v); break;
                case "visibleIf": item.VisibleIf = Str(v); break;
                case "readOnly": item.ReadOnly = Null(v) ? null : v.GetBoolean(); break;
                case "default": item.Default = Node(v); break;
                case "minLength": item.MinLength = Int(v); break;
                case "maxLength": item.MaxLength = Int(v); break;
                case "pattern": item.Pattern = Str(v); break;
                case "min": item.Min = Node(v); break;
                case "max": item.Max = Node(v); break;
                case "options": item.Options = ListOf(v, Option); break;
                case "codeList": item.CodeList = Str(v); break;
                case "minSelected": item.MinSelected = Int(v); break;
                case "maxSelected": item.MaxSelected = Int(v); break;
                case "accept": item.Accept = ListOf(v, s => Str(s)!); break;
                case "maxSize": item.MaxSize = Null(v) ? null : v.GetInt64(); break;
                case "maxFiles": item.MaxFiles = Int(v); break;
                case "repeat": item.Repeat = Null(v) ? null : new RepeatDocument(Optional(v, "min", Int), Optional(v, "max", Int)); break;
                case "block": item.Block = Str(v); break;
                case "items": item.Items = ListOf(v, Item); break;
                case "value": item.Value = Str(v); break;
                case "validations": item.Validations = ListOf(v, Validation); break;
                case "fim": item.Fim = FimOf(v); break;
                case "notes": item.Notes = ListOf(v, Note); break;
            }
        }

        return item;
    }

    private static OptionDocument Option(JsonElement e) =>
        new(Optional(e, "code", Str)!, Optional(e, "label", Text)!, Optional(e, "hint", Text));

    private static LegalReferenceDocument Legal(JsonElement e) => new(Optional(e, "text", Text)!, Optional(e, "link", Str));

    private static ValidationDocument Validation(JsonElement e) =>
        new(Optional(e, "when", Str)!, Optional(e, "message", Text)!, Optional(e, "code", Str));

    private static NoteDocument Note(JsonElement e) => new(Optional(e, "text", Str)!, Optional(e, "source", Str), Optional(e, "fim", FimOf));

    private static FimReference? FimOf(JsonElement e) => Null(e) ? null : new FimReference(Optional(e, "id", Str)!, Optional(e, "version", Str));

    /// <summary>A string (German) or an object of texts per language, as <see cref="LocalizedTextConverter"/> reads it.</summary>
    private static LocalizedText? Text(JsonElement e)
    {
        if (Null(e)) return null;
        if (e.ValueKind == JsonValueKind.String) return new LocalizedText([new("de", e.GetString() ?? "")]);
        Expect(e, JsonValueKind.Object);
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var p in e.EnumerateObject())
        {
            var at = entries.FindIndex(x => x.Key == p.Name);
            var entry = new KeyValuePair<string, string>(p.Name, Str(p.Value)!);
            if (at >= 0) entries[at] = entry;
            else entries.Add(entry);
        }

        return new LocalizedText(entries);
    }

    private static string? Str(JsonElement e) => Null(e) ? null : e.ValueKind == JsonValueKind.String ? e.GetString() : throw Wrong(e, "a string");

    private static int? Int(JsonElement e) => Null(e) ? null : e.GetInt32();

    private static JsonNode? Node(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => JsonObject.Create(e.Clone()),
        JsonValueKind.Array => JsonArray.Create(e.Clone()),
        _ => JsonValue.Create(e.Clone()),
    };

    private static List<T>? ListOf<T>(JsonElement e, Func<JsonElement, T> read)
    {
        if (Null(e)) return null;
        Expect(e, JsonValueKind.Array);
        var list = new List<T>(e.GetArrayLength());
        foreach (var element in e.EnumerateArray()) list.Add(read(element));
        return list;
    }

    private static T Required<T>(JsonElement e, string name, Func<JsonElement, T?> read) =>
        e.TryGetProperty(name, out var value) ? read(value)! : throw new JsonException($"the required property '{name}' is missing");

    /// <summary>The last property of that name, as the serializer takes it; default when absent.</summary>
    private static T? Optional<T>(JsonElement e, string name, Func<JsonElement, T?> read)
    {
        Expect(e, JsonValueKind.Object);
        JsonElement? found = null;
        foreach (var p in e.EnumerateObject())
            if (p.Name == name) found = p.Value;
        return found is { } value ? read(value) : default;
    }

    private static bool Null(JsonElement e) => e.ValueKind == JsonValueKind.Null;

    private static void Expect(JsonElement e, JsonValueKind kind)
    {
        if (e.ValueKind != kind) throw Wrong(e, kind == JsonValueKind.Object ? "an object" : "an array");
    }

    private static JsonException Wrong(JsonElement e, string expected) => new($"expected {expected}, found {e.ValueKind}: {Shorten(e.GetRawText())}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
