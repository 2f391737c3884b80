using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>A structural problem of the answers themselves (wrong shape, unknown keys), found while building instances.</summary>
internal sealed record StructureError(string Path, string Code, IReadOnlyDictionary<string, object?> Args, ElementDefinition? Element);

/// <summary>Instances of every element for one set of answers, with lists per element for fast evaluation.</summary>
internal sealed class AnswerTree
{
    private readonly FormModel _model;
    private readonly int _maxRows;

    public AnswerTree(FormModel model, JsonObject answers, int maxRows)
    {
        _model = model;
        _maxRows = maxRows;
        ByElement = new List<Instance>[model.Elements.Length];
        for (var i = 0; i < ByElement.Length; i++) ByElement[i] = [];
        Declarations = answers;
        Root = new Container(model.Definition.Root, null, null, "", [], -1);
        Fill(Root, answers, []);
        var declared = model.Definition.Declarations.Select(d => d.Key).ToHashSet();
        foreach (var key in answers.Select(p => p.Key).Where(k => !Root.Children.ContainsKey(k) && !declared.Contains(k)))
            StructureErrors.Add(new StructureError(key, "unknownAnswer", new Dictionary<string, object?> { ["key"] = key }, null));
    }

    public Container Root { get; }

    /// <summary>The answers object; declarations are read from it by key.</summary>
    public JsonObject Declarations { get; }

    /// <summary>Instances per element ordinal, in document order.</summary>
    public List<Instance>[] ByElement { get; }

    public List<StructureError> StructureErrors { get; } = [];

    public IEnumerable<Instance> Of(ElementDefinition element) => ByElement[element.Ordinal];

    private void Fill(Container container, JsonObject? answers, int[] rowPath)
    {
        foreach (var item in container.Group.Items)
        {
            var raw = answers?[item.Key];
            var path = container.ChildPath(item.Key);
            var instance = item switch
            {
                FieldDefinition field => CreateField(field, container, path, rowPath, raw),
                GroupDefinition { IsRepeating: true } group => CreateRepeat(group, container, path, rowPath, raw),
                GroupDefinition group => CreateGroup(group, container, path, rowPath, raw),
                _ => throw new InvalidOperationException(),
            };
            container.Children[item.Key] = instance;
        }

        if (answers is null) return;
        foreach (var (key, _) in answers)
            if (!container.Children.ContainsKey(key) && !container.Group.IsRoot)
                StructureErrors.Add(new StructureError(container.ChildPath(key), "unknownAnswer", new Dictionary<string, object?> { ["key"] = key }, container.Definition));
    }

    private Instance CreateField(FieldDefinition field, Container parent, string path, int[] rowPath, JsonNode? raw)
    {
        var instance = new FieldInstance(field, parent, path, rowPath, raw);
        if (!field.Type.HasAnswer && raw is not null)
            StructureErrors.Add(new StructureError(path, "unknownAnswer", new Dictionary<string, object?> { ["key"] = field.Key }, field));
        Parse(instance);
        ByElement[field.Ordinal].Add(instance);
        return instance;
    }

    private Instance CreateGroup(GroupDefinition group, Container parent, string path, int[] rowPath, JsonNode? raw)
    {
        var instance = new Container(group, group, parent, path, rowPath, -1);
        ByElement[group.Ordinal].Add(instance);
        if (raw is not null && raw is not JsonObject)
            StructureErrors.Add(new StructureError(path, "type", new Dictionary<string, object?> { ["expected"] = "object" }, group));
        Fill(instance, raw as JsonObject, rowPath);
        return instance;
    }

    private Instance CreateRepeat(GroupDefinition group, Container parent, string path, int[] rowPath, JsonNode? raw)
    {
        var instance = new RepeatInstance(group, parent, path, rowPath);
        ByElement[group.Ordinal].Add(instance);
        if (raw is not null && raw is not JsonArray)
            StructureErrors.Add(new StructureError(path, "type", new Dictionary<string, object?> { ["expected"] = "array" }, group));
        if (raw is not JsonArray rows) return instance;
        if (rows.Count > _maxRows)
            StructureErrors.Add(new StructureError(path, "maxRows", new Dictionary<string, object?> { ["max"] = _maxRows }, group));
        for (var i = 0; i < Math.Min(rows.Count, _maxRows); i++) AddRow(instance, rows[i]);
        return instance;
    }

    public Container AddRow(RepeatInstance repeat, JsonNode? raw)
    {
        var index = repeat.Rows.Count;
        var rowPath = new int[repeat.RowPath.Length + 1];
        repeat.RowPath.CopyTo(rowPath, 0);
        rowPath[^1] = index;
        var path = $"{repeat.Path}[{index}]";
        var row = new Container(repeat.Group, repeat.Group, repeat, path, rowPath, index);
        repeat.Rows.Add(row);
        if (raw is not null && raw is not JsonObject)
            StructureErrors.Add(new StructureError(path, "type", new Dictionary<string, object?> { ["expected"] = "object" }, repeat.Group));
        Fill(row, raw as JsonObject, rowPath);
        return row;
    }

    /// <summary>
    /// Parses the raw answer of a field. A static read-only field's answer is its default (or none): the portal takes no
    /// answer for it from the citizen, so neither does any other caller (an answers file of <c>sozial check</c>, the API).
    /// </summary>
    public static void Parse(FieldInstance instance)
    {
        var field = instance.Field;
        instance.Parsed = null;
        instance.ParseError = null;
        var raw = field.ReadOnly ? field.Default : instance.Raw;
        if (!field.Type.HasAnswer || AnswerValues.IsEmpty(raw)) return;
        var result = field.Type.Parse(raw!, field);
        if (result.IsOk) instance.Parsed = result.Value;
        else instance.ParseError = result;
    }
}
