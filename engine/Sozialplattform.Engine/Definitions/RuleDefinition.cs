namespace Sozialplattform.Engine.Definitions;

/// <summary>What a rule decides.</summary>
public enum RuleKind
{
    Visible,
    Required,
    ReadOnly,
    Value,
    Validation,
    Routing,
}

/// <summary>A rule expression as written in the definition, with where it was written.</summary>
public sealed record RuleSource(string Expression, RuleKind Kind, SourceLocation Location);

/// <summary>How serious a validation finding is: errors block submission, warnings do not.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>A cross-field check: the error (or warning) applies while <see cref="When"/> is true.</summary>
public sealed record ValidationDefinition(RuleSource When, LocalizedText Message, string Code, string? FieldKey, Severity Level);
