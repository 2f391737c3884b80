using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Reading;

/// <summary>State of reading one form: where problems go, which files it used, which code lists and blocks are in reach.</summary>
internal sealed class ReadContext(ProblemList problems, FieldTypeRegistry fieldTypes, CatalogDirectory? catalog)
{
    private readonly Dictionary<string, CodeList> _codeLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JObject Block, string File)?> _blocks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _usedFiles = new(StringComparer.Ordinal);

    public ProblemList Problems { get; } = problems;
    public FieldTypeRegistry FieldTypes { get; } = fieldTypes;
    public CatalogDirectory? Catalog { get; } = catalog;

    /// <summary>Blocks being expanded, outermost first — to report a block that uses itself.</summary>
    public List<string> BlockStack { get; } = [];

    /// <summary>Files besides the form file that the definition depends on, with their text (for the content hash).</summary>
    public IReadOnlyDictionary<string, string> UsedFiles => _usedFiles;

    public void AddCodeLists(JToken? token, string file)
    {
        if (token is not JArray array) return;
        foreach (var obj in array.OfType<JObject>())
        {
            var list = JsonValues.CodeList(obj);
            if (!_codeLists.TryAdd(list.Reference, list))
                Problems.Error(DefinitionProblemCodes.DuplicateCodeList, $"code list '{list.Reference}' is defined twice", JsonDocumentReader.Location(obj, file), list.Reference);
        }
    }

    public CodeList? FindCodeList(string reference, SourceLocation location)
    {
        if (_codeLists.TryGetValue(reference, out var list)) return list;
        var parsed = JsonValues.Reference(reference);
        var file = parsed is { } p ? Catalog?.CodeList(p.Id, p.Version) : null;
        if (file is null)
        {
            var path = parsed is { } r && Catalog is not null ? Catalog.CodeListPath(r.Id, r.Version) : null;
            var where = path is not null ? $" and {path} does not exist" : Catalog is null ? " and no catalog.json was found above the definition" : "";
            var message = $"code list '{reference}' is not defined in the form's codeLists{where}";
            if (path is null) Problems.Error(DefinitionProblemCodes.CodeListNotFound, message, location, reference);
            else Problems.Error(DefinitionProblemCodes.CodeListNotFoundFile, message, location, reference, path);
            return null;
        }

        _usedFiles[file.Path] = file.Text;
        var token = JsonDocumentReader.Read(file.Text, file.Path, Problems) as JObject;
        if (token is null || !DefinitionSchemas.Check(DefinitionSchemas.CodeList, token, file.Path, Problems)) return null;
        list = JsonValues.CodeList(token);
        if (list.Reference != reference)
            Problems.Error(DefinitionProblemCodes.CodeListId, $"{file.Path} declares '{list.Reference}' but is referenced as '{reference}'", location, file.Path, list.Reference, reference);
        _codeLists[reference] = list;
        return list;
    }

    public (JObject Block, string File)? FindBlock(string reference, SourceLocation location)
    {
        if (_blocks.TryGetValue(reference, out var cached)) return cached;
        var parsed = JsonValues.Reference(reference);
        var file = parsed is { } p ? Catalog?.Block(p.Id, p.Version) : null;
        (JObject, string)? result = null;
        if (file is null)
        {
            var path = parsed is { } r && Catalog is not null ? Catalog.BlockPath(r.Id, r.Version) : null;
            var message = $"building block '{reference}' not found{(path is not null ? $": {path} does not exist" : ": no catalog.json was found above the definition")}";
            if (path is null) Problems.Error(DefinitionProblemCodes.BlockNotFound, message, location, reference);
            else Problems.Error(DefinitionProblemCodes.BlockNotFoundFile, message, location, reference, path);
        }
        else
        {
            _usedFiles[file.Path] = file.Text;
            if (JsonDocumentReader.Read(file.Text, file.Path, Problems) is JObject token && DefinitionSchemas.Check(DefinitionSchemas.Block, token, file.Path, Problems))
            {
                var declared = $"{JsonValues.String(token["id"])}@{JsonValues.String(token["version"])}";
                if (declared != reference)
                    Problems.Error(DefinitionProblemCodes.BlockId, $"{file.Path} declares '{declared}' but is referenced as '{reference}'", location, file.Path, declared, reference);
                AddCodeLists(token["codeLists"], file.Path);
                result = (token, file.Path);
            }
        }

        _blocks[reference] = result;
        return result;
    }

    public static JsonNode? ToJsonNode(JToken? token) =>
        token is null ? null : JsonNode.Parse(token.ToString(Newtonsoft.Json.Formatting.None));
}
