using System.Globalization;
using Sozialplattform.Designer.Diff;

namespace Sozialplattform.Designer.Versions;

/// <summary>How much a change can break what was valid before: the part of the version number it raises.</summary>
public enum Impact { Patch, Minor, Major }

/// <summary>
/// The rules that decide each change's impact. Major: answers that were valid may no longer be (a removed field or
/// option, a newly required field, a type change, narrower constraints, a new check). Minor: new optional things and
/// relaxed constraints. Patch: texts and hints only, and
/// the service's files (checklist, letters, templates).
/// </summary>
public static class ChangeImpact
{
    public static Impact Of(DiffEntry entry) => entry.Area switch
    {
        ChangeArea.Text => Impact.Patch,
        // Checklist, letters, e-mail and PDF templates, service texts: what the authority and the citizen read, never
        // which answers are valid — a patch, like a changed label.
        ChangeArea.ServiceFile => Impact.Patch,
        ChangeArea.Element or ChangeArea.Page => entry.Change switch
        {
            ChangeType.Removed => Impact.Major,
            ChangeType.Added when entry.Detail == "required" => Impact.Major,
            ChangeType.Moved when entry.Property == "key" => Impact.Major,
            _ => Impact.Minor,
        },
        ChangeArea.Type => Impact.Major,
        ChangeArea.Option or ChangeArea.CodeList => entry.Change == ChangeType.Added ? Impact.Minor : Impact.Major,
        ChangeArea.Validation => entry.Change == ChangeType.Removed ? Impact.Minor : Impact.Major,
        ChangeArea.Declaration => entry.Change == ChangeType.Removed || entry.After == "false" ? Impact.Minor : Impact.Major,
        ChangeArea.Rule => entry.Property == "requiredIf" && entry.Change != ChangeType.Removed ? Impact.Major : Impact.Minor,
        ChangeArea.Constraint => Constraint(entry),
        _ => entry.Property is "languages" or "legalBasis" or "topic" or "keywords" or "service" or "requiredDocuments" or "serviceInfo" ? Impact.Patch
            : entry.Property?.StartsWith("serviceInfo.", StringComparison.Ordinal) == true ? Impact.Patch
            : entry.Property == "block" ? Impact.Major : Impact.Minor,
    };

    /// <summary>Narrowed (fewer answers valid) is major, relaxed is minor.</summary>
    private static Impact Constraint(DiffEntry entry)
    {
        var property = entry.Property ?? "";
        if (property is "required" or "readOnly")
            return entry.After == "true" ? Impact.Major : Impact.Minor;
        if (property is "softRequired" or "international")
            return property == "international" && entry.After != "true" ? Impact.Major : Impact.Minor;
        if (property is "pattern" or "accept")
            return entry.Change == ChangeType.Removed ? Impact.Minor : Impact.Major;
        var lowerBound = property is "minLength" or "min" or "minSelected" or "repeat.min";
        var before = Number(entry.Before);
        var after = Number(entry.After);
        if (entry.Change == ChangeType.Added) return Impact.Major;
        if (entry.Change == ChangeType.Removed) return Impact.Minor;
        if (before is null || after is null) return Impact.Major;
        var narrowed = lowerBound ? after > before : after < before;
        return narrowed ? Impact.Major : Impact.Minor;
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
