using Sozialplattform.Engine.Definitions;
using static Sozialplattform.Engine.Definitions.ProblemArgument;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Reading;

/// <summary>Checks of one field's definition that hold for every type, then the type's own checks.</summary>
internal static class FieldDefinitionChecks
{
    private static readonly HashSet<string> NumberTypes = ["integer", "decimal", "money"];

    public static void Check(FieldDefinition field, ProblemList problems)
    {
        var location = field.Location;
        if (field.Type.HasAnswer && field.Label.IsEmpty)
            problems.Error(DefinitionProblemCodes.LabelMissing, $"field '{field.Key}' needs a label", location, field.Key);
        if (field.MinLength > field.MaxLength)
            problems.Error(DefinitionProblemCodes.LengthRange, $"field '{field.Key}': minLength ({field.MinLength}) is greater than maxLength ({field.MaxLength})", location, field.Key, Invariant(field.MinLength), Invariant(field.MaxLength));
        if (NumberTypes.Contains(field.Type.Name))
        {
            foreach (var bound in new[] { field.Min, field.Max })
                if (bound is { Number: null })
                    problems.Error(DefinitionProblemCodes.NumberBound, $"field '{field.Key}': bound '{bound.Raw}' must be a number", location, field.Key, bound.Raw);
            if (field.Min?.Number > field.Max?.Number)
                problems.Error(DefinitionProblemCodes.ValueRange, $"field '{field.Key}': min ({field.Min!.Raw}) is greater than max ({field.Max!.Raw})", location, field.Key, field.Min.Raw, field.Max.Raw);
        }

        if (field.MinSelected > field.MaxSelected)
            problems.Error(DefinitionProblemCodes.SelectionRange, $"field '{field.Key}': minSelected is greater than maxSelected", location, field.Key);
        if (field.Prefill is { } prefill && IdentityAttributes.Check(prefill, field.Type.Name) is { } problem)
            problems.Error(problem.Key, $"field '{field.Key}': {problem.Message}", location, [field.Key, .. problem.Arguments]);
        if (field.IsComputed && field.Default is not null)
            problems.Error(DefinitionProblemCodes.ComputedDefault, $"field '{field.Key}' is computed ('value') and cannot have a default", location, field.Key);
        if (field.Required && field.RequiredIf is not null)
            problems.Error(DefinitionProblemCodes.RequiredTwice, $"field '{field.Key}' has both 'required' and 'requiredIf'; use one", location, field.Key);

        field.Type.CheckDefinition(field, problems);
        CheckDefault(field, problems);
    }

    private static void CheckDefault(FieldDefinition field, ProblemList problems)
    {
        if (field.Default is null || AnswerValues.IsEmpty(field.Default)) return;
        var parsed = field.Type.Parse(field.Default, field);
        if (!parsed.IsOk)
            problems.Error(DefinitionProblemCodes.DefaultInvalid, $"field '{field.Key}': default {field.Default.ToJsonString()} is not a valid {field.Type.Name} ({parsed.ErrorCode})", field.Location, field.Key, field.Default.ToJsonString(), field.Type.Name, parsed.ErrorCode ?? "");
    }
}
