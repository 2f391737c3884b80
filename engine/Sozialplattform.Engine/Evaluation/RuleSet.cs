using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>A validation with its compiled condition.</summary>
internal sealed record BoundValidation(ValidationDefinition Definition, BoundRule Rule);

/// <summary>The compiled rules of one element (group or field), page or of the form itself.</summary>
internal sealed class RuleSet
{
    public BoundRule? Visible { get; set; }
    public BoundRule? Value { get; set; }
    public BoundRule? Required { get; set; }
    public BoundRule? ReadOnly { get; set; }
    public List<BoundValidation> Validations { get; } = [];

    public IEnumerable<BoundRule> All()
    {
        if (Visible is not null) yield return Visible;
        if (Value is not null) yield return Value;
        if (Required is not null) yield return Required;
        if (ReadOnly is not null) yield return ReadOnly;
        foreach (var validation in Validations) yield return validation.Rule;
    }
}
