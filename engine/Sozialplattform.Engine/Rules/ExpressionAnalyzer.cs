using Acornima;
using Acornima.Ast;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// A name the expression reads from outside itself: <c>alter</c>, or a chain like <c>antragsteller.anschrift.plz</c>.
/// <see cref="Ends"/>[i] is where the chain of the first i+1 names ends in the source, so a binder can replace
/// exactly the part it resolved.
/// </summary>
public sealed record NameReference(IReadOnlyList<string> Names, int Start, IReadOnlyList<int> Ends, bool Assigned);

/// <summary>The outcome of analysing one rule expression: its free names and hazards, or a syntax error with its position.</summary>
public sealed record AnalyzedExpression(string Source, IReadOnlyList<NameReference> References, string? SyntaxError, int ErrorLine, int ErrorColumn)
{
    /// <summary>What would make the rule non-deterministic or change shared built-ins (<see cref="RuleHazards"/>).</summary>
    public IReadOnlyList<RuleHazard> Hazards { get; init; } = [];
}

/// <summary>Parses a rule expression (Acornima, the parser of Jint) and finds the names it reads from outside.</summary>
public static class ExpressionAnalyzer
{
    private static readonly ParserOptions Options = new() { EcmaVersion = EcmaVersion.Latest, AllowReturnOutsideFunction = false };

    public static AnalyzedExpression Analyze(string source)
    {
        Expression root;
        try
        {
            root = new Parser(Options).ParseExpression(source);
        }
        catch (ParseErrorException error)
        {
            return new AnalyzedExpression(source, [], error.Error.Description, error.LineNumber, error.Column + 1);
        }

        var references = new List<NameReference>();
        new Walker(references).Visit(root, new Locals(null));
        return new AnalyzedExpression(source, references, null, 0, 0) { Hazards = RuleHazards.Find(root) };
    }

    private sealed class Locals(Locals? outer)
    {
        private readonly HashSet<string> _names = [];

        public void Declare(string name) => _names.Add(name);

        public bool Contains(string name) => _names.Contains(name) || (outer?.Contains(name) ?? false);
    }

    private sealed class Walker(List<NameReference> references)
    {
        public void Visit(Node? node, Locals locals)
        {
            switch (node)
            {
                case null:
                    return;
                case Identifier identifier:
                    if (!locals.Contains(identifier.Name))
                        references.Add(new NameReference([identifier.Name], identifier.Start, [identifier.End], false));
                    return;
                case MemberExpression member when TryChain(member, locals, out var chain):
                    references.Add(chain);
                    return;
                case MemberExpression member:
                    Visit(member.Object, locals);
                    if (member.Computed) Visit(member.Property, locals);
                    return;
                case Property property:
                    if (property.Computed) Visit(property.Key, locals);
                    Visit(property.Value, locals);
                    return;
                case ArrowFunctionExpression arrow:
                    VisitFunction(arrow.Params, arrow.Body, null, locals);
                    return;
                case FunctionExpression function:
                    VisitFunction(function.Params, function.Body, function.Id, locals);
                    return;
                case CatchClause catchClause:
                    var catchLocals = new Locals(locals);
                    DeclarePattern(catchClause.Param, catchLocals);
                    Visit(catchClause.Body, catchLocals);
                    return;
                case AssignmentExpression assignment:
                    MarkAssigned(assignment.Left, locals);
                    Visit(assignment.Right, locals);
                    return;
                case UpdateExpression update:
                    MarkAssigned(update.Argument, locals);
                    return;
                case LabeledStatement labeled:
                    Visit(labeled.Body, locals);
                    return;
                case BreakStatement or ContinueStatement:
                    return;
                default:
                    foreach (var child in node.ChildNodes) Visit(child, locals);
                    return;
            }
        }

        private void VisitFunction(in NodeList<Node> parameters, Node body, Identifier? name, Locals outer)
        {
            var locals = new Locals(outer);
            if (name is not null) locals.Declare(name.Name);
            foreach (var parameter in parameters) DeclarePattern(parameter, locals);
            DeclareVariables(body, locals);
            foreach (var parameter in parameters) VisitPatternDefaults(parameter, locals);
            Visit(body, locals);
        }

        /// <summary>Declares every <c>var</c>/<c>let</c>/<c>const</c> of a function body (not of nested functions).</summary>
        private static void DeclareVariables(Node node, Locals locals)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is ArrowFunctionExpression or FunctionExpression or FunctionDeclaration)
                {
                    if (child is FunctionDeclaration { Id: { } id }) locals.Declare(id.Name);
                    continue;
                }

                if (child is VariableDeclarator declarator) DeclarePattern(declarator.Id, locals);
                DeclareVariables(child, locals);
            }
        }

        private static void DeclarePattern(Node? pattern, Locals locals)
        {
            switch (pattern)
            {
                case Identifier identifier: locals.Declare(identifier.Name); break;
                case AssignmentPattern assignment: DeclarePattern(assignment.Left, locals); break;
                case RestElement rest: DeclarePattern(rest.Argument, locals); break;
                case ArrayPattern array: foreach (var element in array.Elements) DeclarePattern(element, locals); break;
                case ObjectPattern obj:
                    foreach (var property in obj.Properties)
                        DeclarePattern(property is Property p ? p.Value : property, locals);
                    break;
            }
        }

        private void VisitPatternDefaults(Node? pattern, Locals locals)
        {
            if (pattern is AssignmentPattern assignment) Visit(assignment.Right, locals);
        }

        private void MarkAssigned(Node target, Locals locals)
        {
            var root = target;
            while (root is MemberExpression member) root = member.Object;
            if (root is Identifier identifier && !locals.Contains(identifier.Name))
                references.Add(new NameReference([identifier.Name], identifier.Start, [identifier.End], true));
            else Visit(target, locals);
        }

        /// <summary>A chain of plain member accesses on a free name: <c>a.b.c</c> (also <c>a?.b</c>).</summary>
        private static bool TryChain(MemberExpression outermost, Locals locals, out NameReference chain)
        {
            chain = null!;
            var members = new List<MemberExpression>();
            Node current = outermost;
            while (current is MemberExpression member)
            {
                if (member.Computed || member.Property is not Identifier) return false;
                members.Add(member);
                current = member.Object;
            }

            if (current is not Identifier root || locals.Contains(root.Name)) return false;
            members.Reverse();
            var names = new List<string> { root.Name };
            var ends = new List<int> { root.End };
            foreach (var member in members)
            {
                names.Add(((Identifier)member.Property).Name);
                ends.Add(member.End);
            }

            chain = new NameReference(names, root.Start, ends, false);
            return true;
        }
    }
}
