using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Designer.Preview;

/// <summary>The preview of the edited definition for some answers: the engine's state and verdict, and which rules fired.</summary>
public sealed record PreviewResult(FormEngine? Engine, ValidationResult? Result, IReadOnlyList<RuleOutcome> Rules, IReadOnlyList<string> LoadErrors)
{
    public bool Success => Engine is not null && Result is not null;
}

/// <summary>Loads the edited text once and evaluates the answers with the engine, exactly as the portal would.</summary>
public static class PreviewEvaluation
{
    public static PreviewResult Run(string text, string catalogDirectory, JsonObject answers, FormEngineOptions? options = null) =>
        Run(text, new CatalogDirectory(catalogDirectory), answers, options);

    /// <summary>With the workspace's catalog, which also reads the blocks and code lists of the database's shared home.</summary>
    public static PreviewResult Run(string text, CatalogDirectory catalog, JsonObject answers, FormEngineOptions? options = null)
    {
        var loaded = FormEngine.LoadText(text, "form.json", catalog, options);
        if (loaded.Engine is null) return new PreviewResult(null, null, [], loaded.Errors.Select(e => Lint.DefinitionLint.Said(e, Root(text))).ToList());
        var result = loaded.Engine.Validate(answers);
        return new PreviewResult(loaded.Engine, result, Outcomes(result), []);
    }

    private static IReadOnlyList<RuleOutcome> Outcomes(ValidationResult result)
    {
        var outcomes = new List<RuleOutcome>();
        foreach (var page in result.State.Pages.Where(p => p.Page.VisibleIf is not null))
            outcomes.Add(new RuleOutcome("page:" + page.Page.Id, "visibleIf", page.Page.VisibleIf!.Expression, page.Visible, null, null));
        foreach (var element in result.State.Elements)
        {
            var definition = element.Definition;
            if (definition.VisibleIf is { } visible) outcomes.Add(new RuleOutcome(element.Path, "visibleIf", visible.Expression, element.Visible, null, element.RuleFailure));
            if (definition is not FieldDefinition field) continue;
            if (field.RequiredIf is { } required) outcomes.Add(new RuleOutcome(element.Path, "requiredIf", required.Expression, element.Required, null, element.RuleFailure));
            if (field.ReadOnlyIf is { } readOnly) outcomes.Add(new RuleOutcome(element.Path, "readOnlyIf", readOnly.Expression, element.ReadOnly, null, element.RuleFailure));
            if (field.Value is { } value) outcomes.Add(new RuleOutcome(element.Path, "value", value.Expression, element.Value is not null, element.Value?.ToJsonString(), element.RuleFailure));
        }

        foreach (var error in result.Errors.Concat(result.Warnings).Where(IsFromValidation))
            outcomes.Add(new RuleOutcome(error.Path, "validations", error.Code, true, null, null));
        return outcomes;
    }

    private static bool IsFromValidation(FieldError error) =>
        error.Element is { } element ? element.Validations.Any(v => v.Code == error.Code) : error.Path.Length == 0;

    private static JsonObject? Root(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
