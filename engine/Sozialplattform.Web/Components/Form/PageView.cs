using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Web.Components.Form;

/// <summary>What the element components of one wizard page share (cascaded): the evaluated state and the findings to show, as text.</summary>
public sealed class PageView(FormDefinition form, PageDefinition page, FormState state, IReadOnlyList<FieldError> errors, IReadOnlyList<FieldError> warnings, string language)
{
    public FormDefinition Form { get; } = form;
    public PageDefinition Page { get; } = page;
    public FormState State { get; } = state;
    public IReadOnlyList<FieldError> Errors { get; } = errors;
    public IReadOnlyList<FieldError> Warnings { get; } = warnings;
    public string Language { get; } = language;

    /// <summary>
    /// The group that is the page's only item (a page made from one block): its title and legal basis are the page's,
    /// so the page shows them once — the legend stays for screen readers, the legal references are merged.
    /// </summary>
    public GroupDefinition? SoleGroup { get; } = page.Items is [GroupDefinition { IsRepeating: false } group] ? group : null;

    /// <summary>The legal basis shown under the page heading: the page's own and that of its only group, each once.</summary>
    public IReadOnlyList<LegalReference> LegalBasis { get; } =
        page.LegalBasis.Concat(page.Items is [GroupDefinition { IsRepeating: false } only] ? only.LegalBasis : [])
            .DistinctBy(r => r.Text.Get("de")).ToList();

    /// <summary>Whether a group's legend only repeats the page heading.</summary>
    public bool RepeatsPageHeading(GroupDefinition group) => group == SoleGroup && group.Title.Get("de") == Page.Title.Get("de");

    public FieldModel Field(FieldDefinition field, string path, ElementState elementState) =>
        new(field, path, elementState, Texts(Errors, f => Belongs(f.Path, path)), Texts(Warnings, f => Belongs(f.Path, path)));

    /// <summary>Findings about a group or repeating group itself (e.g. too few rows, a group validation).</summary>
    public IReadOnlyList<string> GroupErrors(string path) => Texts(Errors, f => f.Path == path);

    private IReadOnlyList<string> Texts(IEnumerable<FieldError> findings, Func<FieldError, bool> where) =>
        findings.Where(where).Select(f => f.Text(Language)).Distinct().ToList();

    /// <summary>A finding belongs to a field when it is about the field or one of its parts (<c>.street</c>) or items (<c>[0]</c>).</summary>
    private static bool Belongs(string findingPath, string fieldPath) =>
        findingPath == fieldPath || (findingPath.StartsWith(fieldPath, StringComparison.Ordinal) && findingPath[fieldPath.Length] is '.' or '[');
}
