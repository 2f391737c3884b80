using Sozialplattform.Engine.Definitions;
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
            problems.Error("label-missing", $"field '{field.Key}' needs a label", location);
        if (field.MinLength > field.MaxLength)
            problems.Error("length-range", $"field '{field.Key}': minLength ({field.MinLength}) is greater than maxLength ({field.MaxLength})", location);
        if (NumberTypes.Contains(field.Type.Name))
        {
            foreach (var bound in new[] { field.Min, field.Max })
                if (bound is { Number: null })
                    problems.Error("number-bound", $"field '{field.Key}': bound '{bound.Raw}' must be a number", location);
            if (field.Min?.Number > field.Max?.Number)
                problems.Error("value-range", $"field '{field.Key}': min ({field.Min!.Raw}) is greater than max ({field.Max!.Raw})", location);
        }

        if (field.MinSelected > field.MaxSelected)
            problems.Error("selection-range", $"field '{field.Key}': minSelected is greater than maxSelected", location);
        if (field.Prefill is { } prefill && IdentityAttributes.Check(prefill, field.Type.Name) is { } problem)
            problems.Error("prefill-unknown", $"field '{field.Key}': {problem}", location);
        if (field.IsComputed && field.Default is not null)
            problems.Error("computed-default", $"field '{field.Key}' is computed ('value') and cannot have a default", location);
        if (field.Required && field.RequiredIf is not null)
            problems.Error("required-twice", $"field '{field.Key}' has both 'required' and 'requiredIf'; use one", location);

        field.Type.CheckDefinition(field, problems);
        CheckDefault(field, problems);
    }

    private static void CheckDefault(FieldDefinition field, ProblemList problems)
    {
        if (field.Default is null || AnswerValues.IsEmpty(field.Default)) return;
        var parsed = field.Type.Parse(field.Default, field);
        if (!parsed.IsOk)
            problems.Error("default-invalid", $"field '{field.Key}': default {field.Default.ToJsonString()} is not a valid {field.Type.Name} ({parsed.ErrorCode})", field.Location);
    }
}
