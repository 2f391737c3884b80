using System.Xml.Linq;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Reading;

/// <summary>
/// Reads the <c>regel</c> children of an element. XDatenfelder 2 keeps the rule text in <c>definition</c>
/// and code in <c>script</c>; 3 uses <c>freitextRegel</c>, <c>skript</c>, <c>typ</c>, <c>param</c> and <c>ziel</c>.
/// </summary>
public sealed class RuleReader(DiagnosticBag diagnostics)
{
    public IReadOnlyList<FimRule> ReadAll(XElement owner, Func<XElement, FimIdentity> identity) =>
        owner.Children("regel").Select(r => Read(r, identity(r))).ToList();

    private FimRule Read(XElement rule, FimIdentity identity)
    {
        var text = TextExtensions.FirstNonEmpty(rule.ChildText("freitextRegel"), rule.ChildText("definition"), rule.ChildText("beschreibung"));
        if (text.Length == 0) diagnostics.Info(DiagnosticCodes.RuleTextMissing, identity, rule.Line());
        return new FimRule
        {
            Identity = identity,
            Line = rule.Line(),
            Name = rule.ChildText("name"),
            Text = text,
            Script = TextExtensions.FirstNonEmpty(rule.ChildText("skript"), rule.ChildText("script")),
            Type = rule.ChildCode("typ"),
            Parameters = Bindings(rule, "param"),
            Targets = Bindings(rule, "ziel"),
            Errors = rule.Children("fehler").Select(f => f.TextValue()).Where(f => f.Length > 0).ToList(),
        };
    }

    private static IReadOnlyList<FimRuleBinding> Bindings(XElement rule, string localName) =>
        rule.Children(localName)
            .Select(b => new FimRuleBinding(b.AttributeText("name") ?? "", b.AttributeText("element") ?? ""))
            .Where(b => b.Name.Length > 0 && b.Element.Length > 0)
            .ToList();
}
