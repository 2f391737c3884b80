using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Components.Form;

/// <summary>Everything a field component needs: the definition, the occurrence (path, state, raw answer) and its messages, already in the citizen's language.</summary>
public sealed record FieldModel(FieldDefinition Field, string Path, ElementState State, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public string Id => FieldIds.For(Path);

    /// <summary>A value from the citizen's account that may not be changed (<c>prefillEditable: false</c>): shown, not asked.</summary>
    public bool Fixed { get; init; }

    public RenderHints Hints => Field.Type.Render(Field);

    public JsonNode? Answer => State.Answer;

    public bool HasError => Errors.Count > 0;

    public bool HasHint => !Field.Hint.IsEmpty;

    /// <summary>The ids that describe the input: hint, error, warning.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (HasHint) ids.Add(FieldIds.Hint(Path));
            if (HasError) ids.Add(FieldIds.Error(Path));
            if (Warnings.Count > 0) ids.Add(FieldIds.For(Path) + "-warning");
            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }
}
