using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// FIM rules → author notes on the element they belong to (always), plus our rules where the script
/// translates safely: a validation (V, or an XDatenfelder 2 condition) or a computed value (B) of its single target.
/// Every rule gets one report line saying which happened.
/// </summary>
public sealed class RuleMapper(DiagnosticBag diagnostics)
{
    public const string ChoiceGroupCode = "exactlyOne";

    private readonly HashSet<(FimIdentity Rule, FimIdentity Owner)> _reported = [];

    public static LocalizedText ChoiceGroupMessage { get; } =
        LocalizedText.Of(("de", "Bitte füllen Sie genau eine der Angaben aus."), ("en", "Please fill in exactly one of these."));

    public List<NoteDocument> Notes(IEnumerable<FimRule> rules) =>
        rules.Select(r => new NoteDocument(NoteText(r), r.Identity.ToString(), FimReference.From(r.Identity))).ToList();

    /// <summary>
    /// Translates the rules of <paramref name="owner"/> within a scope: <paramref name="keysByFimId"/> are the
    /// keys visible to them, <paramref name="items"/> the items of that scope (for computed values).
    /// </summary>
    public List<ValidationDocument> Translate(FimIdentity owner, IEnumerable<FimRule> rules, IReadOnlyDictionary<string, string> keysByFimId, IReadOnlyList<ItemDocument> items)
    {
        var validations = new List<ValidationDocument>();
        foreach (var rule in rules)
        {
            var translation = ScriptTranslator.Translate(rule, keysByFimId);
            var outcome = translation switch
            {
                { Expression: null } => translation.Reason!,
                { IsCondition: true } when rule.Type is null or "V" => AddValidation(rule, translation.Expression, validations),
                { IsCondition: false } when rule.Type == "B" => SetValue(rule, translation.Expression, keysByFimId, items),
                _ => $"rule type '{rule.Type ?? "-"}' with this script has no safe translation",
            };
            Report(rule, owner, outcome);
        }

        return validations;
    }

    /// <summary>An Auswahlgruppe (art X): exactly one of its children must be filled.</summary>
    public ValidationDocument? ChoiceGroup(FimGroup group, IReadOnlyList<ItemDocument> children)
    {
        if (children.Count < 2)
        {
            diagnostics.Warning(DiagnosticCodes.ChoiceGroupTooSmall, group.Identity, group.Line);
            return null;
        }

        return new ValidationDocument($"countFilled({string.Join(", ", children.Select(c => c.Key))}) !== 1", ChoiceGroupMessage, ChoiceGroupCode);
    }

    private static string AddValidation(FimRule rule, string condition, List<ValidationDocument> validations)
    {
        var message = rule.Errors.FirstOrDefault() ?? (rule.Name.Length > 0 ? rule.Name : rule.Text);
        validations.Add(new ValidationDocument($"!({condition})", LocalizedText.De(message) ?? LocalizedText.De(rule.Identity.Id)!));
        return "translated into a validation";
    }

    private static string SetValue(FimRule rule, string expression, IReadOnlyDictionary<string, string> keysByFimId, IReadOnlyList<ItemDocument> items)
    {
        if (rule.Targets is not [var target]) return "a calculation needs exactly one target (ziel)";
        var item = keysByFimId.TryGetValue(target.Element.Split(' ', '/').First(), out var key) ? items.FirstOrDefault(i => i.Key == key) : null;
        if (item is null || item.IsGroup || item.Type == ItemTypes.Info) return $"target {target.Element} is not a field in this rule's scope";
        item.Value = expression;
        return $"translated into the computed value of {item.Key}";
    }

    private void Report(FimRule rule, FimIdentity owner, string outcome)
    {
        if (!_reported.Add((rule.Identity, owner))) return;
        var translated = outcome.StartsWith("translated", StringComparison.Ordinal);
        diagnostics.Info(translated ? DiagnosticCodes.RuleTranslated : DiagnosticCodes.RuleKeptAsNote, rule.Identity, rule.Line,
            ("owner", owner.ToString()), ("detail", outcome));
    }

    private static string NoteText(FimRule rule) =>
        rule.Text.Length > 0 ? rule.Text : rule.Name.Length > 0 ? rule.Name : rule.Identity.Id;
}
