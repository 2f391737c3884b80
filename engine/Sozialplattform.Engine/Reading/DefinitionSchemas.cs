using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>The JSON Schemas of the definition files (embedded from <c>schemas/</c>), checked before anything else is read.</summary>
public static class DefinitionSchemas
{
    public const string Form = "form-definition.schema.json";
    public const string Block = "block.schema.json";
    public const string CodeList = "code-list.schema.json";
    public const string Catalog = "catalog.schema.json";

    private static readonly Lazy<IReadOnlyDictionary<string, JObject>> Documents = new(() =>
        new[] { Form, Block, CodeList, Catalog }.ToDictionary(n => n, n => JObject.Parse(Text(n))));

    public static string Text(string name)
    {
        using var stream = typeof(DefinitionSchemas).Assembly.GetManifestResourceStream("schemas/" + name)
            ?? throw new InvalidOperationException($"schema {name} is not embedded");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Checks <paramref name="token"/> against the schema; every violation becomes a problem with line and JSON path.</summary>
    public static bool Check(string schemaName, JToken token, string file, ProblemList problems)
    {
        var before = problems.All.Count;
        new JsonSchemaSubset(Documents.Value[schemaName], name => Documents.Value[Path.GetFileName(name)]).Validate(token, file, problems);
        return problems.All.Count == before;
    }
}
