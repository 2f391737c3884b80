namespace Sozialplattform.Engine.Definitions;

/// <summary>A group or a field: something with a data key inside a page.</summary>
public abstract class ElementDefinition
{
    public required string Key { get; init; }
    public required SourceLocation Location { get; init; }
    public LocalizedText Hint { get; init; } = LocalizedText.Empty;
    public LocalizedText Help { get; init; } = LocalizedText.Empty;
    public IReadOnlyList<LegalReference> LegalBasis { get; init; } = [];
    public RuleSource? VisibleIf { get; init; }
    public IReadOnlyList<ValidationDefinition> Validations { get; init; } = [];
    public FimReference? Fim { get; init; }
    public IReadOnlyList<AuthorNote> Notes { get; init; } = [];

    /// <summary>The enclosing group (the form's root group for top-level items); null only for the root.</summary>
    public GroupDefinition? Parent { get; internal set; }

    /// <summary>The page the element is shown on; null only for the root group.</summary>
    public PageDefinition? Page { get; internal set; }

    /// <summary>Position in depth-first form order; stable for one definition.</summary>
    public int Ordinal { get; internal set; }

    /// <summary>The path with <c>[]</c> for every repeating ancestor, e.g. <c>haushalt[].einkommen</c>.</summary>
    public string PathTemplate { get; internal set; } = "";

    /// <summary>The heading or label shown for the element.</summary>
    public abstract LocalizedText Caption { get; }

    /// <summary>Enclosing groups from the innermost outwards, ending with the root.</summary>
    public IEnumerable<GroupDefinition> Ancestors()
    {
        for (var group = Parent; group is not null; group = group.Parent) yield return group;
    }

    /// <summary>How many repeating groups enclose this element.</summary>
    public int RepeatDepth => Ancestors().Count(a => a.IsRepeating);
}
