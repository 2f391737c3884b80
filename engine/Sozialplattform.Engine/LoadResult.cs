using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine;

/// <summary>The outcome of loading a definition: an engine when it has no errors, and every problem found (errors and warnings).</summary>
public sealed record LoadResult(FormEngine? Engine, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Success => Engine is not null;

    public IEnumerable<DefinitionProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<DefinitionProblem> Warnings => Problems.Where(p => !p.IsError);

    /// <summary>The engine, or an exception listing every error (for hosts that cannot run without the form).</summary>
    public FormEngine EngineOrThrow() =>
        Engine ?? throw new InvalidOperationException("the definition has errors:\n" + string.Join('\n', Errors));
}
