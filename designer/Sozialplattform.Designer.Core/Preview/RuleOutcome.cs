namespace Sozialplattform.Designer.Preview;

/// <summary>
/// What one rule decided for the preview's answers: at which element occurrence (<c>kinder[1].schule</c>), which rule
/// (visibleIf, requiredIf, readOnlyIf, value, a validation code), whether it fired, and the value it computed.
/// </summary>
public sealed record RuleOutcome(string Path, string Rule, string Expression, bool Fired, string? Value, string? Failure);
