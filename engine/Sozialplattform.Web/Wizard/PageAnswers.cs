using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// Merges what a page posted into the raw answers: every answerable field of the page is read with its field
/// type's <see cref="IFieldType.FromFormInput"/> (no parsing here). Computed and fixed read-only fields and
/// uploads are not taken from the post.
/// </summary>
public static class PageAnswers
{
    public static void Merge(System.Text.Json.Nodes.JsonObject answers, IEnumerable<ElementState> pageElements, IFormCollection form)
    {
        foreach (var state in pageElements)
        {
            if (state.Definition is not FieldDefinition field || !TakesInput(field)) continue;
            var value = field.Type.FromFormInput(field, new PostedFieldInput(form, state.Path));
            AnswerPath.Set(answers, AnswerPath.Parse(state.Path), value);
        }
    }

    public static bool TakesInput(FieldDefinition field) =>
        field.Type.HasAnswer && !field.IsComputed && !field.ReadOnly && field.Type is not FileFieldType;
}
