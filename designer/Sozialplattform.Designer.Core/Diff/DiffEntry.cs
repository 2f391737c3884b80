namespace Sozialplattform.Designer.Diff;

public enum ChangeType { Added, Removed, Moved, Changed }

/// <summary>What part of a definition a change is about; the version proposal and the rendering go by it.</summary>
public enum ChangeArea
{
    /// <summary>A field, group or block use as a whole.</summary>
    Element,
    Page,
    Text,
    Rule,
    Constraint,
    Type,
    Option,
    CodeList,
    Validation,
    Declaration,
    Property,

    /// <summary>A file of the service beside the definition: checklist, letter, template, texts (<see cref="ServiceFileChange"/>).</summary>
    ServiceFile,
}

/// <summary>
/// One difference between two versions of a definition. <see cref="Element"/> is the data path of a field or group
/// (<c>kinder.geburtsdatum</c>), <c>page:&lt;id&gt;</c> for a page, or empty for the form itself.
/// <see cref="Property"/> names what changed (<c>label</c>, <c>max</c>, <c>options</c>), <see cref="Detail"/> the part of it
/// (a language, an option code, a validation code); <see cref="Before"/>/<see cref="After"/> are short values as JSON text.
/// </summary>
public sealed record DiffEntry(
    string Element,
    string ElementType,
    ChangeType Change,
    ChangeArea Area,
    string? Property = null,
    string? Detail = null,
    string? Before = null,
    string? After = null)
{
    public bool IsForm => Element.Length == 0;

    public bool IsPage => Element.StartsWith("page:", StringComparison.Ordinal);
}
