namespace Sozialplattform.Documents.Templating;

/// <summary>
/// Bounds for operator-written templates. Loops count across nesting (Scriban's loop budget), so
/// neither an endless loop nor nested loops can run away; the time limit is a last guard only.
/// </summary>
public sealed record TemplateLimits
{
    public int LoopIterations { get; init; } = 10_000;

    public int RecursionDepth { get; init; } = 20;

    public int OutputCharacters { get; init; } = 200_000;

    public TimeSpan Time { get; init; } = TimeSpan.FromSeconds(2);
}
