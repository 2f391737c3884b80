namespace Sozialplattform.Engine.Definitions;

/// <summary>
/// A problem found while loading a definition: what (code, arguments, and the English message the command line prints),
/// where, and whether it blocks use. <see cref="Key"/> is one of <see cref="DefinitionProblemCodes"/>: the code, or the
/// code and a variant after a dot (<c>schema.type</c>) where one code covers different findings; <see cref="Arguments"/>
/// are in the order that constant's <see cref="ProblemArgumentsAttribute"/> documents, so an edge (the designer) can say
/// the problem in its own language.
/// </summary>
public sealed record DefinitionProblem(Severity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The text key: <see cref="Code"/>, or <c>code.variant</c>.</summary>
    public string Key { get; init; } = Code;

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override string ToString()
    {
        var level = IsError ? "error" : "warning";
        return $"{Location}: {level} {Code}: {Message}";
    }

    /// <summary>A problem with key <paramref name="key"/> (a <see cref="DefinitionProblemCodes"/> constant); its code is the part before the dot.</summary>
    public static DefinitionProblem Of(Severity severity, string key, string message, SourceLocation location, IReadOnlyList<string> arguments)
    {
        var dot = key.IndexOf('.');
        return new DefinitionProblem(severity, dot < 0 ? key : key[..dot], message, location) { Key = key, Arguments = arguments };
    }
}

/// <summary>Collects problems; loading goes on after a problem so that all are reported at once.</summary>
public sealed class ProblemList
{
    private readonly List<DefinitionProblem> _problems = [];

    public IReadOnlyList<DefinitionProblem> All => _problems;

    public bool HasErrors => _problems.Exists(p => p.IsError);

    /// <param name="key">One of <see cref="DefinitionProblemCodes"/>.</param>
    /// <param name="message">The English sentence the command line prints.</param>
    /// <param name="arguments">As the key's <see cref="ProblemArgumentsAttribute"/> lists them.</param>
    public void Error(string key, string message, SourceLocation location, params IReadOnlyList<string> arguments) =>
        Add(DefinitionProblem.Of(Severity.Error, key, message, location, arguments));

    /// <inheritdoc cref="Error"/>
    public void Warning(string key, string message, SourceLocation location, params IReadOnlyList<string> arguments) =>
        Add(DefinitionProblem.Of(Severity.Warning, key, message, location, arguments));

    public void Add(DefinitionProblem problem)
    {
        CheckShape(problem);
        _problems.Add(problem);
    }

    /// <summary>
    /// In debug builds (every test run) a problem whose key is not registered or whose arguments do not match the
    /// registry fails loudly, so that a new call site cannot leave the designer's texts behind.
    /// </summary>
    [System.Diagnostics.Conditional("DEBUG")]
    private static void CheckShape(DefinitionProblem problem)
    {
        if (!DefinitionProblemCodes.Arguments.TryGetValue(problem.Key, out var names))
            throw new InvalidOperationException($"definition problem '{problem.Key}' is not in {nameof(DefinitionProblemCodes)}");
        if (names.Count != problem.Arguments.Count)
            throw new InvalidOperationException($"definition problem '{problem.Key}' has {problem.Arguments.Count} arguments, {nameof(DefinitionProblemCodes)} documents {names.Count}");
    }
}
