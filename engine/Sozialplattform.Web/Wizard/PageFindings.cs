using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Rules;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// Which errors and warnings belong on a page: those of its elements, those of its own validations, and a refusal of
/// the whole check (rules over their time budget, host overloaded), which holds the citizen on whatever page they are.
/// </summary>
public static class PageFindings
{
    public static IReadOnlyList<FieldError> For(IEnumerable<FieldError> findings, PageDefinition page) =>
        findings.Where(f => f.Element?.Page == page || (f.Element is null && (page.Validations.Any(v => v.Code == ValidationCode(f)) || RuleRefusals.IsRefusal(f.Code)))).ToList();

    /// <summary>The page a finding is fixed on; null for findings of the summary page (declarations, form validations).</summary>
    public static PageDefinition? PageOf(FieldError finding, FormDefinition form) =>
        finding.Element?.Page ?? form.Pages.FirstOrDefault(p => p.Validations.Any(v => v.Code == ValidationCode(finding)));

    /// <summary>The validation a finding comes from: its own code, or for a failed rule (<c>ruleFailed</c>) the one it names.</summary>
    private static string ValidationCode(FieldError finding) =>
        finding.Args.TryGetValue("validation", out var code) && code is string named ? named : finding.Code;

    /// <summary>The first page (in form order) that has one of the errors, or null.</summary>
    public static PageDefinition? FirstOpen(IEnumerable<FieldError> errors, FormDefinition form) =>
        errors.Select(e => PageOf(e, form)).OfType<PageDefinition>().MinBy(p => p.Index);
}
