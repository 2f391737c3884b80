using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Mapping;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// What becomes a FIM <c>regel</c> on export: the FIM rules the import kept as notes (with their id and text),
/// and our own rules (<c>visibleIf</c>, <c>requiredIf</c>, <c>value</c>, <c>validations</c>) with the expression as
/// <c>skript</c> and a sentence saying what it does, so the editorial office can read them.
/// </summary>
public sealed class RuleExporter(ExportIdAllocator ids)
{
    public List<FimRule> FromNotes(IEnumerable<NoteDocument>? notes) =>
        (notes ?? [])
        .Where(n => n.Fim is { Id: var id } && id.StartsWith('R'))
        .Select(n => new FimRule
        {
            Identity = new FimIdentity(n.Fim!.Id, FimModelBuilder.ExportVersion(n.Fim.Version, ExportIdAllocator.NewElementVersion)),
            Line = 0,
            Name = n.Fim.Id,
            Text = n.Text,
            Type = "K",
        })
        .ToList();

    public List<FimRule> FromExpressions(string path, FimIdentity element, string key, string? visibleIf, string? requiredIf, string? value, IEnumerable<ValidationDocument>? validations)
    {
        var rules = new List<FimRule>();
        if (visibleIf is not null) rules.Add(Rule(path + "/visibleIf", "K", $"{key} ist nur sichtbar, wenn gilt: {visibleIf}", visibleIf, element, key));
        if (requiredIf is not null) rules.Add(Rule(path + "/requiredIf", "K", $"{key} ist Pflicht, wenn gilt: {requiredIf}", requiredIf, element, key));
        if (value is not null) rules.Add(Rule(path + "/value", "B", $"{key} wird berechnet: {value}", value, element, key));
        var index = 0;
        foreach (var validation in (validations ?? []).Where(v => v.Code != RuleMapper.ChoiceGroupCode))
        {
            var rule = Rule($"{path}/validations/{index++}", "V", $"Fehler \"{validation.Message.German}\", wenn gilt: {validation.When}", ValidCondition(validation.When), element, key);
            rules.Add(new FimRule
            {
                Identity = rule.Identity, Line = 0, Name = rule.Name, Text = rule.Text, Script = rule.Script, Type = rule.Type,
                Targets = rule.Targets, Errors = [validation.Message.German],
            });
        }

        return rules;
    }

    private FimRule Rule(string path, string type, string text, string script, FimIdentity element, string key) => new()
    {
        Identity = ids.Allocate('R', path),
        Line = 0,
        Name = text.Length > 80 ? text[..80] : text,
        Text = text,
        Script = script,
        Type = type,
        Targets = [new FimRuleBinding(key, element.Id)],
    };

    /// <summary>FIM validation scripts state what must hold; our <c>when</c> states the error. <c>!(x)</c> is written as <c>x</c>.</summary>
    private static string ValidCondition(string when)
    {
        var trimmed = when.Trim();
        if (trimmed.StartsWith("!(", StringComparison.Ordinal) && trimmed.EndsWith(')') && Balanced(trimmed[2..^1])) return trimmed[2..^1];
        return $"!({trimmed})";
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0) return false;
        }

        return depth == 0;
    }
}
