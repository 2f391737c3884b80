using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// Merges what a page posted into the raw answers: every answerable field of the page is read with its field
/// type's <see cref="IFieldType.FromFormInput"/> (no parsing here). Computed and fixed read-only fields and
/// uploads are not taken from the post. A field whose posted value is longer than its type takes
/// (<see cref="IFieldType.InputLimit"/>) keeps its previous answer and comes back as a <c>maxLength</c> rejection,
/// so a draft never stores more than the form allows.
/// </summary>
public static class PageAnswers
{
    /// <param name="fixedPaths">Answers taken from the citizen's account that may not be changed: never taken from the post.</param>
    public static IReadOnlyList<InputRejection> Merge(System.Text.Json.Nodes.JsonObject answers, IEnumerable<ElementState> pageElements, IFormCollection form, IReadOnlySet<string>? fixedPaths = null)
    {
        var rejections = new List<InputRejection>();
        foreach (var state in pageElements)
        {
            if (state.Definition is not FieldDefinition field || !TakesInput(field) || fixedPaths?.Contains(state.Path) == true) continue;
            var input = new PostedFieldInput(form, state.Path, field.Type.InputLimit(field));
            if (input.IsTooLong)
            {
                rejections.Add(new InputRejection(state.Path, "maxLength"));
                continue;
            }

            AnswerPath.Set(answers, AnswerPath.Parse(state.Path), field.Type.FromFormInput(field, input));
        }

        return rejections;
    }

    public static bool TakesInput(FieldDefinition field) =>
        field.Type.HasAnswer && !field.IsComputed && !field.ReadOnly && field.Type is not FileFieldType;
}
