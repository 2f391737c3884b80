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

/// <summary>
/// What <c>FormEngine.Evaluate</c> returns: the state of every page and element occurrence, and the cleaned answers.
/// Element states and answers are built on first use, so a request that only needs the verdict does not pay for them.
/// </summary>
public sealed class FormState
{
    private readonly Lazy<IReadOnlyList<ElementState>> _elements;
    private readonly Lazy<Dictionary<string, ElementState>> _byPath;
    private readonly Lazy<JsonObject> _answers;

    internal FormState(IReadOnlyList<PageState> pages, Func<IReadOnlyList<ElementState>> elements, Func<JsonObject> answers)
    {
        Pages = pages;
        _elements = new Lazy<IReadOnlyList<ElementState>>(elements);
        _answers = new Lazy<JsonObject>(answers);
        _byPath = new Lazy<Dictionary<string, ElementState>>(() =>
        {
            var byPath = new Dictionary<string, ElementState>(Elements.Count, StringComparer.Ordinal);
            foreach (var element in Elements) byPath[element.Path] = element;
            return byPath;
        });
    }

    public IReadOnlyList<PageState> Pages { get; }

    /// <summary>Every element occurrence in form order.</summary>
    public IReadOnlyList<ElementState> Elements => _elements.Value;

    /// <summary>The answers as they would be submitted: visible, normalised, computed.</summary>
    public JsonObject Answers => _answers.Value;

    public ElementState? this[string path] => _byPath.Value.GetValueOrDefault(path);

    public bool IsVisible(string path) => this[path]?.Visible ?? false;
}
