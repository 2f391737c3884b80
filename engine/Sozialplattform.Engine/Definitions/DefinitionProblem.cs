namespace Sozialplattform.Engine.Definitions;

/// <summary>A problem found while loading a definition: what (code, message), where, and whether it blocks use.</summary>
public sealed record DefinitionProblem(Severity Severity, string Code, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var level = IsError ? "error" : "warning";
        return $"{Location}: {level} {Code}: {Message}";
    }
}

/// <summary>Collects problems; loading goes on after a problem so that all are reported at once.</summary>
public sealed class ProblemList
{
    private readonly List<DefinitionProblem> _problems = [];

    public IReadOnlyList<DefinitionProblem> All => _problems;

    public bool HasErrors => _problems.Exists(p => p.IsError);

    public void Error(string code, string message, SourceLocation location) =>
        _problems.Add(new DefinitionProblem(Severity.Error, code, message, location));

    public void Warning(string code, string message, SourceLocation location) =>
        _problems.Add(new DefinitionProblem(Severity.Warning, code, message, location));

    public void Add(DefinitionProblem problem) => _problems.Add(problem);
}
