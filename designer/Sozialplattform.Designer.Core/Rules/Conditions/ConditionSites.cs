using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Rules.Conditions;

/// <summary>
/// A rule the condition builder is meant for: <see cref="Property"/> visibleIf, requiredIf or readOnlyIf of a page or
/// an item, or "validations" for the <c>when</c> of a check (<see cref="RulePath"/> then ends in <c>validations[i].when</c>).
/// </summary>
public sealed record ConditionSite(DocumentPath Element, string Property, DocumentPath RulePath, string Expression);

/// <summary>Every condition of a definition, in document order (the form's own checks, then pages and items depth-first).</summary>
public static class ConditionSites
{
    private static readonly string[] Conditions = ["visibleIf", "requiredIf", "readOnlyIf"];

    public static IReadOnlyList<ConditionSite> Of(JsonObject form)
    {
        var sites = new List<ConditionSite>();
        Collect(form, DocumentPath.Root, sites);
        return sites;
    }

    private static void Collect(JsonObject element, DocumentPath path, List<ConditionSite> sites)
    {
        foreach (var property in Conditions)
            if (element[property] is JsonValue value && value.TryGetValue<string>(out var expression))
                sites.Add(new ConditionSite(path, property, path.Property(property), expression));
        if (element["validations"] is JsonArray checks)
            for (var i = 0; i < checks.Count; i++)
                if (checks[i]?["when"] is JsonValue when && when.TryGetValue<string>(out var expression))
                    sites.Add(new ConditionSite(path, "validations", path.Property("validations").Index(i).Property("when"), expression));
        foreach (var children in new[] { "pages", "items" })
            if (element[children] is JsonArray list)
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is JsonObject child) Collect(child, path.Property(children).Index(i), sites);
    }
}
