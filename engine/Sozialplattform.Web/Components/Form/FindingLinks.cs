using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Localization;
using Sozialplattform.Engine.Validation;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Components.Form;

/// <summary>Turns findings into error-summary items: the text in the citizen's language and a link to the input (on another page: that page).</summary>
public static class FindingLinks
{
    public static IReadOnlyList<ErrorSummary.Item> Items(IEnumerable<FieldError> findings, string language, Func<FieldError, string?> pageUrl) =>
        findings.Select(f => new ErrorSummary.Item(SummaryText(f, language), Href(f, pageUrl(f)))).DistinctBy(i => i.Text + i.Href).ToList();

    /// <summary>
    /// The finding's text; a definition's own message that does not name its field ("Ein Großbuchstabe und 9 Ziffern …")
    /// gets the field's label in front — in the summary the field is not beside it.
    /// </summary>
    public static string SummaryText(FieldError finding, string language)
    {
        var text = finding.Text(language);
        if (finding.Message is null || finding.Element?.Caption is not { IsEmpty: false } caption) return text;
        var label = caption.Get(language);
        if (text.Contains(label, StringComparison.Ordinal)) return text;
        return $"{(BidiText.IsRightToLeft(language) ? BidiText.Isolate(label) : label)}: {text}";
    }

    private static string? Href(FieldError finding, string? pageUrl)
    {
        var anchor = finding.Element switch
        {
            GroupDefinition => FieldIds.Group(finding.Path),
            FieldDefinition field => FieldIds.For(FieldPath(finding.Path, field)),
            _ => null,
        };
        return anchor is null ? pageUrl : $"{pageUrl}#{anchor}";
    }

    /// <summary>The input a finding points at: an address part keeps its part (<c>anschrift.street</c>), items of a list point at the list.</summary>
    private static string FieldPath(string path, FieldDefinition field)
    {
        if (field.Type.Name == "address") return path;
        var end = path.Length;
        while (end > 0 && path[end - 1] == ']') end = path.LastIndexOf('[', end - 1);
        return path[..end];
    }
}
