using Acornima;
using Acornima.Ast;

namespace Sozialplattform.Catalog.Lint;

/// <summary>The answer names a rule expression reads: free identifiers, and for <c>a.b</c> the pair (a, b).</summary>
public sealed record RuleNames(IReadOnlyList<string> Names, IReadOnlyList<(string Group, string Member)> Members)
{
    /// <summary>Names the engine provides to every rule (helpers and context), and JavaScript globals a rule may use.</summary>
    public static readonly IReadOnlySet<string> Provided = new HashSet<string>(StringComparer.Ordinal)
    {
        "today", "age", "ageAt", "daysBetween", "monthsBetween", "addDays", "addMonths", "addYears", "year", "isEmpty", "isFilled",
        "countFilled", "count", "sum", "minOf", "maxOf", "round", "has", "len", "isIban", "isBic", "isEmail", "isPostalCode", "matches",
        "row", "rowIndex", "value", "undefined", "NaN", "Infinity", "Math", "Number", "String",
    };

    /// <summary>Parses the expression; a syntax error becomes a <see cref="CatalogException"/> with line and column.</summary>
    public static RuleNames Of(string expression)
    {
        Expression ast;
        try
        {
            ast = new Parser().ParseExpression(expression);
        }
        catch (ParseErrorException e)
        {
            throw new CatalogException($"syntax error at line {e.LineNumber}, column {e.Column}: {e.Description}");
        }
        var collector = new Collector();
        collector.Visit(ast);
        return new RuleNames(collector.Names.Distinct().ToList(), collector.Members.Distinct().ToList());
    }

    private sealed class Collector : AstVisitor
    {
        private readonly Stack<HashSet<string>> _parameters = new();

        public List<string> Names { get; } = [];
        public List<(string, string)> Members { get; } = [];

        protected override object? VisitIdentifier(Identifier node)
        {
            if (!_parameters.Any(p => p.Contains(node.Name))) Names.Add(node.Name);
            return node;
        }

        protected override object? VisitMemberExpression(MemberExpression node)
        {
            Visit(node.Object);
            if (node.Computed) Visit(node.Property);
            else if (node.Object is Identifier group && node.Property is Identifier member && !_parameters.Any(p => p.Contains(group.Name)))
                Members.Add((group.Name, member.Name));
            return node;
        }

        protected override object? VisitArrowFunctionExpression(ArrowFunctionExpression node)
        {
            _parameters.Push(node.Params.OfType<Identifier>().Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
            Visit(node.Body);
            _parameters.Pop();
            return node;
        }

        protected override object? VisitObjectProperty(ObjectProperty node)
        {
            if (node.Computed) Visit(node.Key);
            Visit(node.Value);
            return node;
        }
    }
}
