using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>One occurrence of an element in the answers: a field or group, once per row of every enclosing repeating group.</summary>
internal abstract class Instance(ElementDefinition? definition, Instance? parent, string path, int[] rowPath)
{
    public ElementDefinition? Definition { get; } = definition;
    public Instance? Parent { get; } = parent;
    public string Path { get; } = path;

    /// <summary>Row indices of the enclosing repeating groups, outermost first.</summary>
    public int[] RowPath { get; } = rowPath;

    public bool Visible { get; set; } = true;

    /// <summary>The first rule of this instance that could not be evaluated.</summary>
    public RuleFailure? Failure { get; set; }

    public bool SharesRows(Instance other, int depth)
    {
        for (var i = 0; i < depth; i++)
            if (RowPath[i] != other.RowPath[i]) return false;
        return true;
    }
}

/// <summary>The root, a non-repeating group, or one row of a repeating group: items by key.</summary>
internal sealed class Container(GroupDefinition group, ElementDefinition? definition, Instance? parent, string path, int[] rowPath, int rowIndex)
    : Instance(definition, parent, path, rowPath)
{
    public GroupDefinition Group { get; } = group;

    /// <summary>Index of this row in its repeating group; -1 for the root and non-repeating groups.</summary>
    public int RowIndex { get; } = rowIndex;

    public Dictionary<string, Instance> Children { get; } = new(StringComparer.Ordinal);

    public string ChildPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}

/// <summary>A repeating group: its rows.</summary>
internal sealed class RepeatInstance(GroupDefinition group, Instance parent, string path, int[] rowPath)
    : Instance(group, parent, path, rowPath)
{
    public GroupDefinition Group { get; } = group;
    public List<Container> Rows { get; } = [];
}

/// <summary>A field: the raw answer, its parsed form, and the state rules give it.</summary>
internal sealed class FieldInstance(FieldDefinition field, Instance parent, string path, int[] rowPath, JsonNode? raw)
    : Instance(field, parent, path, rowPath)
{
    public FieldDefinition Field { get; } = field;

    /// <summary>The answer as given (kept to show it again with its error).</summary>
    public JsonNode? Raw { get; set; } = raw;

    /// <summary>The normalised answer, or null when empty or unparseable.</summary>
    public JsonNode? Parsed { get; set; }

    public ParseResult? ParseError { get; set; }

    /// <summary>What rules and the submission see: null when hidden; the computed value for computed fields.</summary>
    public JsonNode? Effective { get; set; }

    public bool Required { get; set; }
    public bool ReadOnly { get; set; }
}
