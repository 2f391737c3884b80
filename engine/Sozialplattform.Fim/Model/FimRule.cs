namespace Sozialplattform.Fim.Model;

/// <summary>
/// A <c>regel</c>. <see cref="Text"/> is the natural-language rule (<c>definition</c> in XDatenfelder 2,
/// <c>freitextRegel</c> in 3); <see cref="Type"/> is B, K, M or V (3 only); parameters name the elements the script reads.
/// </summary>
public sealed class FimRule
{
    public required FimIdentity Identity { get; init; }
    public required int Line { get; init; }
    public string Name { get; init; } = "";
    public string Text { get; init; } = "";
    public string Script { get; init; } = "";
    public string? Type { get; init; }
    public IReadOnlyList<FimRuleBinding> Parameters { get; init; } = [];
    public IReadOnlyList<FimRuleBinding> Targets { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>A <c>param</c> or <c>ziel</c> of a rule: the script's <see cref="Name"/> for FIM element <see cref="Element"/>.</summary>
public sealed record FimRuleBinding(string Name, string Element);
