using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Outline;

namespace Sozialplattform.Designer.Lint;

/// <summary>
/// Finds the element a problem is about: the engine names a JSON path (<c>pages[0].items[3].label</c>), the catalog lint
/// a data path and property (<c>antragsteller.vorname label</c>) or a page (<c>page start title</c>).
/// </summary>
internal sealed class LintLocator
{
    private readonly IReadOnlyList<OutlineNode> _outline;
    private readonly Dictionary<string, DocumentPath> _byDataPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentPath> _byPageId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutlineNode> _byDataPathNode = new(StringComparer.Ordinal);

    public LintLocator(JsonObject form)
    {
        _outline = FormOutline.Of(form);
        foreach (var page in _outline)
        {
            _byPageId.TryAdd(page.Key, page.Path);
            Index(page.Children, "");
        }
    }

    public DocumentPath ForJsonPath(string jsonPath) =>
        DocumentPath.TryParse(jsonPath, out var path) ? FormOutline.Containing(_outline, path)?.Path ?? DocumentPath.Root : DocumentPath.Root;

    public DocumentPath ForWhere(string where)
    {
        var words = where.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[0] == "page" && _byPageId.TryGetValue(words[1], out var page)) return page;
        if (words.Length >= 1 && _byDataPath.TryGetValue(words[0], out var element)) return element;
        return DocumentPath.Root;
    }

    /// <summary>
    /// How the author knows the element an engine problem's argument names: its label, for a key (<c>key</c>: the
    /// element at <paramref name="jsonPath"/> or one of its ancestors with that key) or an answer path (<c>path</c>:
    /// <c>personen[].vorname</c>); null when the lint cannot tell (the key is shown then).
    /// </summary>
    public string? Label(string argument, string value, string jsonPath)
    {
        OutlineNode? node = null;
        if (argument == "path") node = _byDataPathNode.GetValueOrDefault(value.Replace("[]", "", StringComparison.Ordinal));
        else if (argument == "key" && DocumentPath.TryParse(jsonPath, out var path))
            node = FormOutline.Flatten(_outline).Where(n => path.StartsWith(n.Path) && n.Key == value).MaxBy(n => n.Path.Segments.Count);
        return node is { Label.Length: > 0 } ? Shorten(node.Label) : null;
    }

    private static string Shorten(string label) => label.Length <= 60 ? label : label[..57] + "…";

    private void Index(IEnumerable<OutlineNode> nodes, string prefix)
    {
        foreach (var node in nodes)
        {
            var dataPath = prefix.Length == 0 ? node.Key : $"{prefix}.{node.Key}";
            _byDataPath.TryAdd(dataPath, node.Path);
            _byDataPathNode.TryAdd(dataPath, node);
            Index(node.Children, dataPath);
        }
    }
}
