using System.Text;
using Sozialplattform.Engine.Definitions;
using static Sozialplattform.Engine.Definitions.ProblemArgument;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// Resolves the names of a rule against the form: among the siblings of the rule's element, then outward through
/// the enclosing groups (inside a repeating group: the current row). Reports every problem; compiles the rule into
/// a function whose parameters are the resolved inputs.
/// </summary>
public sealed class RuleBinder(RuleFunctionRegistry functions)
{
    public const string RowName = "row";
    public const string RowIndexName = "rowIndex";
    public const string ValueName = "value";

    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string> { RowName, RowIndexName, ValueName };

    /// <summary>JavaScript globals a rule may use besides answers and helpers.</summary>
    public static readonly IReadOnlySet<string> AllowedGlobals = new HashSet<string>
        { "Math", "Number", "String", "Boolean", "Array", "Object", "JSON", "parseInt", "parseFloat", "isNaN", "isFinite", "undefined", "NaN", "Infinity" };

    /// <summary>Globals a rule must not use, with the reason an author is told.</summary>
    public static readonly IReadOnlyDictionary<string, string> ForbiddenGlobals = new Dictionary<string, string>
    {
        ["Date"] = "use today() and the date helpers instead of Date: the server's clock and time zone count",
        ["eval"] = "eval is not allowed in rules",
        ["Function"] = "Function is not allowed in rules",
        ["globalThis"] = "rules cannot reach global objects",
    };

    /// <param name="scope">The group whose items are looked up first.</param>
    /// <param name="owner">The element the rule belongs to (null for page and form rules).</param>
    /// <param name="ownValue">The field whose value <c>value</c> means, in field validations; null elsewhere.</param>
    public BoundRule? Bind(RuleSource source, GroupDefinition scope, ElementDefinition? owner, FieldDefinition? ownValue, ProblemList problems)
    {
        var analyzed = ExpressionAnalyzer.Analyze(source.Expression);
        if (analyzed.SyntaxError is not null)
        {
            problems.Error(DefinitionProblemCodes.RuleSyntax, $"{Describe(source)}: syntax error at line {analyzed.ErrorLine}, column {analyzed.ErrorColumn} of the expression: {analyzed.SyntaxError}", source.Location,
                [.. Arguments(source), Invariant(analyzed.ErrorLine), Invariant(analyzed.ErrorColumn), analyzed.SyntaxError]);
            return null;
        }

        foreach (var hazard in analyzed.Hazards)
            problems.Error(hazard.Code, $"{Describe(source)}: {hazard.Reason("en")}", source.Location, [.. Arguments(source), hazard.Name]);

        var parameters = new List<RuleParameter>();
        var replacements = new List<(int Start, int End, string Name)>();
        var ok = analyzed.Hazards.Count == 0;
        foreach (var reference in analyzed.References)
        {
            if (analyzed.Hazards.Any(h => h.Start == reference.Start)) continue;
            var resolved = Resolve(reference, scope, ownValue, source, problems);
            if (resolved is null)
            {
                ok &= IsKnownGlobal(reference, source, problems);
                continue;
            }

            var (parameter, consumed) = resolved.Value;
            if (reference.Assigned)
            {
                problems.Error(DefinitionProblemCodes.RuleAssignment, $"{Describe(source)}: rules must not change answers ('{reference.Names[0]}' is assigned)", source.Location, [.. Arguments(source), reference.Names[0]]);
                ok = false;
                continue;
            }

            var index = parameters.FindIndex(p => p.Kind == parameter.Kind && p.Scope == parameter.Scope && p.Path.SequenceEqual(parameter.Path));
            if (index < 0)
            {
                parameters.Add(parameter);
                index = parameters.Count - 1;
            }

            replacements.Add((reference.Start, reference.Ends[consumed - 1], "$" + index));
        }

        if (!ok) return null;
        return new BoundRule
        {
            Source = source,
            Owner = owner,
            Scope = scope,
            Parameters = parameters,
            FunctionSource = Compile(source.Expression, parameters.Count, replacements),
        };
    }

    private (RuleParameter Parameter, int Consumed)? Resolve(NameReference reference, GroupDefinition scope, FieldDefinition? ownValue, RuleSource source, ProblemList problems)
    {
        var name = reference.Names[0];
        for (var group = scope; group is not null; group = group.Parent)
        {
            if (group.Find(name) is { } found) return Follow(reference, group, found, source, problems);
        }

        switch (name)
        {
            case ValueName when ownValue is not null:
                return (new RuleParameter(ParameterKind.Element, ownValue.Parent!, [ownValue.Key], ownValue), 1);
            case RowName or RowIndexName:
                var repeating = RepeatingScope(scope);
                if (repeating is null)
                {
                    problems.Error(DefinitionProblemCodes.RuleRow, $"{Describe(source)}: '{name}' is only available inside a repeating group", source.Location, [.. Arguments(source), name]);
                    return (new RuleParameter(ParameterKind.RowIndex, scope, [], null), 1);
                }

                if (name == RowIndexName) return (new RuleParameter(ParameterKind.RowIndex, repeating, [], null), 1);
                if (reference.Names.Count > 1 && repeating.Find(reference.Names[1]) is { } inRow)
                {
                    var followed = Follow(reference with { Names = reference.Names.Skip(1).ToList(), Ends = reference.Ends.Skip(1).ToList() }, repeating, inRow, source, problems);
                    return (followed.Parameter, followed.Consumed + 1);
                }

                return (new RuleParameter(ParameterKind.Row, repeating, [], repeating), 1);
            default:
                return null;
        }
    }

    /// <summary>Follows <c>a.b.c</c> into non-repeating groups as far as the form defines it.</summary>
    private static (RuleParameter Parameter, int Consumed) Follow(NameReference reference, GroupDefinition scope, ElementDefinition found, RuleSource source, ProblemList problems)
    {
        var path = new List<string> { found.Key };
        var target = found;
        var consumed = 1;
        while (consumed < reference.Names.Count && target is GroupDefinition { IsRepeating: false } group)
        {
            var next = group.Find(reference.Names[consumed]);
            if (next is null)
            {
                problems.Error(DefinitionProblemCodes.RuleUnknownMember, $"{Describe(source)}: group '{string.Join('.', path)}' has no item '{reference.Names[consumed]}'", source.Location,
                    [.. Arguments(source), string.Join('.', path), reference.Names[consumed]]);
                break;
            }

            path.Add(next.Key);
            target = next;
            consumed++;
        }

        return (new RuleParameter(ParameterKind.Element, scope, path, target), consumed);
    }

    private bool IsKnownGlobal(NameReference reference, RuleSource source, ProblemList problems)
    {
        if (RefuseGlobal(reference, functions.Contains) is not { } refusal) return true;
        problems.Error(refusal.Code, $"{Describe(source)}: {refusal.Reason}", source.Location, [.. Arguments(source), reference.Names[0]]);
        return false;
    }

    /// <summary>
    /// Why a free name that is no answer cannot be used by a rule (code and reason), or null when it is a helper or an
    /// allowed global that the rule only reads. Shared by the binder and the designer's trial.
    /// </summary>
    internal static (string Code, string Reason)? RefuseGlobal(NameReference reference, Func<string, bool> isHelper)
    {
        var name = reference.Names[0];
        if (ForbiddenGlobals.TryGetValue(name, out var why)) return (DefinitionProblemCodes.RuleForbidden, why);
        if (reference.Assigned) return (DefinitionProblemCodes.RuleAssignment, $"rules must not assign to '{name}'");
        if (isHelper(name) || AllowedGlobals.Contains(name)) return null;
        return (DefinitionProblemCodes.RuleUnknownName, $"unknown name '{name}' (no field or group with this key is in scope, and it is no rule helper)");
    }

    private static GroupDefinition? RepeatingScope(GroupDefinition scope)
    {
        for (var group = scope; group is not null; group = group.Parent)
            if (group.IsRepeating) return group;
        return null;
    }

    private static string Compile(string expression, int parameterCount, List<(int Start, int End, string Name)> replacements)
    {
        var body = new StringBuilder(expression);
        foreach (var (start, end, name) in replacements.OrderByDescending(r => r.Start))
            body.Remove(start, end - start).Insert(start, name);
        var parameters = string.Join(", ", Enumerable.Range(0, parameterCount).Select(i => "$" + i));
        return $"function ({parameters}) {{ return (\n{body}\n); }}";
    }

    private static string Describe(RuleSource source) => $"rule {source.Kind.ToString().ToLowerInvariant()} '{Shorten(source.Expression)}'";

    /// <summary>The first two arguments of every rule problem: the rule's kind and its (shortened) expression.</summary>
    private static string[] Arguments(RuleSource source) => [source.Kind.ToString().ToLowerInvariant(), Shorten(source.Expression)];

    private static string Shorten(string expression) => expression.Length <= 60 ? expression : expression[..57] + "...";
}
