using Acornima.Ast;
using Sozialplattform.Engine.Localization;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// Something in a rule that would make its verdict depend on more than the answers (<see cref="RuleHazards.NonDeterministic"/>)
/// or that reaches the built-ins every form shares (<see cref="RuleHazards.ChangesBuiltIns"/>). <see cref="Start"/> is
/// where the offending expression starts in the rule's text.
/// </summary>
public sealed record RuleHazard(string Code, string Name, int Start)
{
    /// <summary>The reason in <paramref name="language"/>, from <c>messages.&lt;lang&gt;.json</c>.</summary>
    public string Reason(string language) =>
        Localizer.Default.Fill(Localizer.Default.Text(Code, language), new Dictionary<string, object?> { ["name"] = Name }, "", language);
}

/// <summary>
/// Finds the obvious ways a rule could be non-deterministic or pollute shared built-ins, so that the author gets a clear
/// definition error. This is for the message only: the sandbox is frozen (<see cref="SandboxIsolation"/>), which is
/// what guarantees that whatever slips past this check cannot change another evaluation.
/// </summary>
public static class RuleHazards
{
    public const string NonDeterministic = "rule-nondeterministic";
    public const string ChangesBuiltIns = "rule-changes-builtins";

    private static readonly HashSet<string> ClockOrChance = ["performance", "crypto"];

    private static readonly HashSet<string> BuiltInDoors = ["prototype", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"];

    private static readonly HashSet<string> ObjectChangers = ["defineProperty", "defineProperties", "setPrototypeOf", "getPrototypeOf"];

    internal static IReadOnlyList<RuleHazard> Find(Node root)
    {
        var found = new List<RuleHazard>();
        Visit(root, found);
        return found;
    }

    private static void Visit(Node node, List<RuleHazard> found)
    {
        switch (node)
        {
            case Identifier identifier when ClockOrChance.Contains(identifier.Name):
                found.Add(new RuleHazard(NonDeterministic, identifier.Name, identifier.Start));
                return;
            case NewExpression { Callee: Identifier { Name: "Date" } callee, Arguments.Count: 0 }:
                found.Add(new RuleHazard(NonDeterministic, "new Date()", callee.Start));
                return;
            case CallExpression { Callee: Identifier { Name: "Date" } callee }:
                found.Add(new RuleHazard(NonDeterministic, "Date()", callee.Start));
                return;
            case CallExpression { Callee: MemberExpression callee } call when IsMember(callee, "Object", "assign")
                && (call.Arguments.Count == 0 || call.Arguments[0] is not (ObjectExpression or ArrayExpression)):
                found.Add(new RuleHazard(ChangesBuiltIns, "Object.assign(…)", callee.Start));
                return;
            case MemberExpression member when Hazard(member) is { } hazard:
                found.Add(hazard);
                return;
            case MemberExpression member:
                Visit(member.Object, found);
                if (member.Computed) Visit(member.Property, found);
                return;
            case Property property:
                if (property.Computed) Visit(property.Key, found);
                Visit(property.Value, found);
                return;
        }

        foreach (var child in node.ChildNodes) Visit(child, found);
    }

    private static RuleHazard? Hazard(MemberExpression member)
    {
        var name = PropertyName(member);
        if (name is null) return null;
        if (IsMember(member, "Math", "random")) return new RuleHazard(NonDeterministic, "Math.random", member.Start);
        if (IsMember(member, "Date", "now")) return new RuleHazard(NonDeterministic, "Date.now", member.Start);
        if (BuiltInDoors.Contains(name)) return new RuleHazard(ChangesBuiltIns, name, member.Start);
        if (member.Object is Identifier { Name: "Object" } && ObjectChangers.Contains(name)) return new RuleHazard(ChangesBuiltIns, "Object." + name, member.Start);
        if (member.Object is Identifier { Name: "Reflect" }) return new RuleHazard(ChangesBuiltIns, "Reflect." + name, member.Start);
        return null;
    }

    private static bool IsMember(MemberExpression member, string objectName, string propertyName) =>
        member.Object is Identifier identifier && identifier.Name == objectName && PropertyName(member) == propertyName;

    /// <summary><c>a.name</c> and <c>a['name']</c>; null for a computed name that is not a string literal.</summary>
    private static string? PropertyName(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier identifier } => identifier.Name,
        { Computed: true, Property: StringLiteral literal } => literal.Value,
        _ => null,
    };
}
