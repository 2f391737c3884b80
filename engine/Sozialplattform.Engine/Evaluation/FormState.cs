using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>The state of one page: whether it is part of the wizard for these answers.</summary>
public sealed record PageState(PageDefinition Page, bool Visible);

/// <summary>
/// The state of one occurrence of an element (<c>haushalt[2].einkommen</c>): visible, required, read-only, its
/// effective value (computed values included; null when hidden) and the raw answer as given.
/// </summary>
public sealed record ElementState(
    string Path,
    ElementDefinition Definition,
    bool Visible,
    bool Required,
    bool ReadOnly,
    JsonNode? Value,
    JsonNode? Answer,
    int Rows,
    string? RuleFailure);

/// <summary>What <c>FormEngine.Evaluate</c> returns: the state of every page and element occurrence, and the cleaned answers.</summary>
public sealed class FormState
{
    private readonly Dictionary<string, ElementState> _byPath;

    internal FormState(IReadOnlyList<PageState> pages, IReadOnlyList<ElementState> elements, JsonObject answers)
    {
        Pages = pages;
        Elements = elements;
        Answers = answers;
        _byPath = new Dictionary<string, ElementState>(elements.Count, StringComparer.Ordinal);
        foreach (var element in elements) _byPath[element.Path] = element;
    }

    public IReadOnlyList<PageState> Pages { get; }

    /// <summary>Every element occurrence in form order.</summary>
    public IReadOnlyList<ElementState> Elements { get; }

    /// <summary>The answers as they would be submitted: visible, normalised, computed.</summary>
    public JsonObject Answers { get; }

    public ElementState? this[string path] => _byPath.GetValueOrDefault(path);

    public bool IsVisible(string path) => this[path]?.Visible ?? false;
}
