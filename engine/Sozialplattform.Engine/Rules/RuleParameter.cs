using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Rules;

/// <summary>What a rule parameter receives.</summary>
public enum ParameterKind
{
    /// <summary>The value of a field or group (a repeating group read from outside: the array of its rows).</summary>
    Element,

    /// <summary>The current row of a repeating group (<c>row</c>).</summary>
    Row,

    /// <summary>The index of the current row (<c>rowIndex</c>).</summary>
    RowIndex,
}

/// <summary>
/// One input of a compiled rule, resolved when the definition is loaded: start at the instance of
/// <see cref="Scope"/> that encloses the rule's element (for a repeating scope: the current row), then follow
/// <see cref="Path"/> down through non-repeating groups to <see cref="Target"/>.
/// </summary>
public sealed record RuleParameter(ParameterKind Kind, GroupDefinition Scope, IReadOnlyList<string> Path, ElementDefinition? Target)
{
    public string Describe() => Kind switch
    {
        ParameterKind.Row => "row",
        ParameterKind.RowIndex => "rowIndex",
        _ => string.Join('.', Path),
    };
}

/// <summary>A rule after name resolution: the element it belongs to, its inputs, and its JavaScript function.</summary>
public sealed class BoundRule
{
    public required RuleSource Source { get; init; }

    /// <summary>The field or group the rule belongs to; null for page and form rules.</summary>
    public required ElementDefinition? Owner { get; init; }

    /// <summary>The group whose items the rule's names resolve against first.</summary>
    public required GroupDefinition Scope { get; init; }

    public required IReadOnlyList<RuleParameter> Parameters { get; init; }

    /// <summary><c>function($0, $1) { return (…); }</c> with every resolved name replaced by its parameter.</summary>
    public required string FunctionSource { get; init; }

    /// <summary>Position in the form's rule program.</summary>
    public int Index { get; internal set; }
}
