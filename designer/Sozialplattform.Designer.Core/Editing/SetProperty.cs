using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>
/// Sets (or, with a null value, removes) one property of an object. A new property goes where the schema orders it;
/// an existing one keeps its place.
/// </summary>
public sealed record SetProperty(DocumentPath Target, string Name, JsonNode? Value, string? Why = null) : IEdit
{
    public string Description => Why ?? $"{Name} geändert";

    public IEdit Apply(DefinitionDocument document)
    {
        var target = EditTargets.Object(document, Target);
        var index = target.IndexOf(Name);
        var old = index >= 0 ? target[Name] : null;
        var value = Value?.Parent is null ? Value : Value.DeepClone();
        if (value is null)
        {
            if (index < 0) return this;
            target.RemoveAt(index);
            document.Changed(target);
            return new InsertProperty(Target, Name, old, index, Description);
        }

        if (index >= 0)
        {
            target[Name] = null;
            target.SetAt(index, Name, value);
        }
        else target.Insert(PropertyOrder.InsertionIndex(target, Name, Target), Name, value);

        document.Changed(target);
        return index >= 0 ? new ReplaceProperty(Target, Name, old, Description) : new SetProperty(Target, Name, null, Description);
    }

    /// <summary>Puts a removed property back at the index it had.</summary>
    private sealed record InsertProperty(DocumentPath Target, string Name, JsonNode? Value, int Index, string Description) : IEdit
    {
        public IEdit Apply(DefinitionDocument document)
        {
            var target = EditTargets.Object(document, Target);
            target.Insert(Math.Min(Index, target.Count), Name, Value);
            document.Changed(target);
            return new SetProperty(Target, Name, null, Description);
        }
    }

    /// <summary>Puts back the node a property had before (the same node, so it is written as it was read).</summary>
    private sealed record ReplaceProperty(DocumentPath Target, string Name, JsonNode? Value, string Description) : IEdit
    {
        public IEdit Apply(DefinitionDocument document)
        {
            var target = EditTargets.Object(document, Target);
            var index = target.IndexOf(Name);
            if (index < 0) throw new EditException($"'{Target}' has no property '{Name}'");
            var old = target[Name];
            target[Name] = null;
            target.SetAt(index, Name, Value);
            document.Changed(target);
            return new ReplaceProperty(Target, Name, old, Description);
        }
    }
}
