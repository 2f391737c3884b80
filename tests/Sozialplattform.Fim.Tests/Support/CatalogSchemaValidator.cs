using NJsonSchema;
using Sozialplattform.Fim.Definitions;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>
/// Checks an imported catalog folder against the JSON Schemas in schemas/ and checks that every block and
/// code-list reference resolves to a file — what `sozial validate` checks at least.
/// </summary>
public static class CatalogSchemaValidator
{
    private static readonly Lazy<JsonSchema> Form = new(() => Load("form-definition.schema.json"));
    private static readonly Lazy<JsonSchema> Block = new(() => Load("block.schema.json"));
    private static readonly Lazy<JsonSchema> CodeList = new(() => Load("code-list.schema.json"));
    private static readonly Lazy<JsonSchema> Catalog = new(() => Load("catalog.schema.json"));

    public static IReadOnlyList<string> Problems(string root)
    {
        var problems = new List<string>();
        Check(Catalog.Value, Path.Combine(root, CatalogLayout.CatalogFile), problems);
        foreach (var file in Files(root, "forms")) Check(Form.Value, file, problems);
        foreach (var file in Files(root, "blocks")) Check(Block.Value, file, problems);
        foreach (var file in Files(root, "codelists")) Check(CodeList.Value, file, problems);
        problems.AddRange(UnresolvedReferences(root));
        return problems;
    }

    private static IEnumerable<string> UnresolvedReferences(string root)
    {
        foreach (var file in Files(root, "forms").Concat(Files(root, "blocks")))
        {
            var text = File.ReadAllText(file);
            foreach (var reference in References(text, "\"block\": \""))
            {
                var (id, version) = CatalogLayout.SplitReference(reference);
                if (!File.Exists(CatalogLayout.Block(root, id, version))) yield return $"{file}: block {reference} not found";
            }

            foreach (var reference in References(text, "\"codeList\": \""))
            {
                var (id, version) = CatalogLayout.SplitReference(reference);
                if (!File.Exists(CatalogLayout.CodeList(root, id, version))) yield return $"{file}: code list {reference} not found";
            }
        }
    }

    private static IEnumerable<string> References(string json, string marker)
    {
        for (var at = json.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = json.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var start = at + marker.Length;
            yield return json[start..json.IndexOf('"', start)];
        }
    }

    private static void Check(JsonSchema schema, string file, List<string> problems)
    {
        if (!File.Exists(file))
        {
            problems.Add($"{file}: missing");
            return;
        }

        problems.AddRange(schema.Validate(File.ReadAllText(file)).Select(e => $"{file}: {e.Path} {e.Kind} (line {e.LineNumber})"));
    }

    private static IEnumerable<string> Files(string root, string folder) =>
        Directory.Exists(Path.Combine(root, folder))
            ? Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];

    private static JsonSchema Load(string name) => JsonSchema.FromFileAsync(Path.Combine(TestPaths.Schemas, name)).GetAwaiter().GetResult();
}
