using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Lint;

public enum LintSource { Engine, Catalog }

/// <summary>
/// One problem of the edited definition: what, how bad, which check found it (<c>sozial validate</c> = engine,
/// <c>sozial catalog lint</c> = catalog), and the element it belongs to (for the link into the tree).
/// </summary>
public sealed record LintItem(bool IsError, string Message, LintSource Source, string Where, DocumentPath Element, DocumentPath? Exact)
{
    public string ElementId => Element.ToString();

    /// <summary>
    /// The catalog lint's code (<see cref="Sozialplattform.Catalog.Lint.LintCodes"/>) or the engine problem's key
    /// (<see cref="Sozialplattform.Engine.Definitions.DefinitionProblemCodes"/>); null for the designer's own notes.
    /// </summary>
    public string? Code { get; init; }
}
