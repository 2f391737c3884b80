using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>What a graph node stands for.</summary>
internal enum NodeKind
{
    /// <summary>A page's visibility.</summary>
    Page,

    /// <summary>An element's visibility and (for fields) its effective value.</summary>
    Element,

    /// <summary>The data of a group as a whole (all its descendants' values).</summary>
    GroupData,

    /// <summary>A field's required and read-only state; nothing depends on it.</summary>
    Checks,
}

/// <summary>An input of a node. Instances match when their first <see cref="SharedRepeatDepth"/> row indices agree.</summary>
internal sealed record GraphEdge(GraphNode From, int SharedRepeatDepth);

internal sealed class GraphNode(NodeKind kind, ElementDefinition? element, PageDefinition? page)
{
    public NodeKind Kind { get; } = kind;
    public ElementDefinition? Element { get; } = element;
    public PageDefinition? Page { get; } = page;
    public List<GraphEdge> Inputs { get; } = [];
    public List<GraphNode> Outputs { get; } = [];
    public int Order { get; set; } = -1;

    public string Describe() => Kind switch
    {
        NodeKind.Page => $"page '{Page!.Id}'",
        NodeKind.GroupData => $"'{Element!.PathTemplate}' (all of it)",
        NodeKind.Checks => $"'{Element!.PathTemplate}' (required/read-only)",
        _ => $"'{Element!.PathTemplate}'",
    };
}

/// <summary>
/// The order in which visibility conditions and computed values are evaluated, built once per form version.
/// A node runs after everything it reads; a cycle is a definition error naming the elements on it.
/// </summary>
internal sealed class DependencyGraph
{
    private DependencyGraph(GraphNode[] pages, GraphNode[] elements, GraphNode?[] data, GraphNode?[] checks, List<GraphNode> order)
    {
        Pages = pages;
        Elements = elements;
        Data = data;
        Checks = checks;
        Order = order;
    }

    public GraphNode[] Pages { get; }

    /// <summary>Element nodes by ordinal.</summary>
    public GraphNode[] Elements { get; }

    /// <summary>Group-data nodes by ordinal (null for fields).</summary>
    public GraphNode?[] Data { get; }

    /// <summary>Check nodes by ordinal (null where a field has no requiredIf/readOnlyIf).</summary>
    public GraphNode?[] Checks { get; }

    /// <summary>Every node in evaluation order.</summary>
    public IReadOnlyList<GraphNode> Order { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<GraphNode, GraphNode[]> _downstream = new();

    /// <summary>Every node that (transitively) reads <paramref name="start"/>, in evaluation order.</summary>
    public GraphNode[] Downstream(GraphNode start) => _downstream.GetOrAdd(start, static node =>
    {
        var seen = new HashSet<GraphNode>();
        var stack = new Stack<GraphNode>(node.Outputs);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!seen.Add(next)) continue;
            foreach (var output in next.Outputs) stack.Push(output);
        }

        return seen.OrderBy(n => n.Order).ToArray();
    });

    public static DependencyGraph Build(FormModel model, ProblemList problems)
    {
        var elements = model.Elements;
        var pages = model.Definition.Pages.Select(p => new GraphNode(NodeKind.Page, null, p)).ToArray();
        var elementNodes = elements.Select(e => new GraphNode(NodeKind.Element, e, e.Page)).ToArray();
        var dataNodes = elements.Select(e => e is GroupDefinition ? new GraphNode(NodeKind.GroupData, e, e.Page) : null).ToArray();
        var checkNodes = elements.Select(e => model.ElementRules[e.Ordinal] is { } r && (r.Required ?? r.ReadOnly) is not null
            ? new GraphNode(NodeKind.Checks, e, e.Page) : null).ToArray();

        void Link(GraphNode from, GraphNode to, ElementDefinition? fromElement, ElementDefinition? toElement)
        {
            to.Inputs.Add(new GraphEdge(from, SharedRepeatDepth(fromElement, toElement)));
            from.Outputs.Add(to);
        }

        void LinkParameters(BoundRule? rule, GraphNode to, ElementDefinition? toElement)
        {
            if (rule is null) return;
            foreach (var parameter in rule.Parameters)
            {
                var target = parameter.Kind == ParameterKind.Row ? parameter.Scope : parameter.Target;
                if (parameter.Kind == ParameterKind.RowIndex || target is null) continue;
                var from = target is GroupDefinition ? dataNodes[target.Ordinal]! : elementNodes[target.Ordinal];
                Link(from, to, target, toElement);
            }
        }

        for (var i = 0; i < pages.Length; i++) LinkParameters(model.PageRules[i].Visible, pages[i], null);
        foreach (var element in elements)
        {
            var node = elementNodes[element.Ordinal];
            var rules = model.ElementRules[element.Ordinal];
            if (element.Parent is { IsRoot: false } parent) Link(elementNodes[parent.Ordinal], node, parent, element);
            else Link(pages[element.Page!.Index], node, null, element);
            LinkParameters(rules.Visible, node, element);
            LinkParameters(rules.Value, node, element);
            if (dataNodes[element.Ordinal] is { } data)
            {
                Link(node, data, element, element);
                foreach (var child in ((GroupDefinition)element).Items)
                    Link(dataNodes[child.Ordinal] ?? elementNodes[child.Ordinal], data, child, element);
            }

            if (checkNodes[element.Ordinal] is { } checks)
            {
                Link(node, checks, element, element);
                LinkParameters(rules.Required, checks, element);
                LinkParameters(rules.ReadOnly, checks, element);
            }
        }

        var all = pages.Concat(elementNodes).Concat(dataNodes.OfType<GraphNode>()).Concat(checkNodes.OfType<GraphNode>()).ToList();
        var order = Sort(all, problems);
        return new DependencyGraph(pages, elementNodes, dataNodes, checkNodes, order);
    }

    /// <summary>Number of repeating groups enclosing both elements (strict ancestors of each).</summary>
    internal static int SharedRepeatDepth(ElementDefinition? a, ElementDefinition? b)
    {
        if (a is null || b is null) return 0;
        var ancestorsOfB = b.Ancestors().ToHashSet();
        return a.Ancestors().Count(g => g.IsRepeating && ancestorsOfB.Contains(g));
    }

    private static List<GraphNode> Sort(List<GraphNode> nodes, ProblemList problems)
    {
        var pending = nodes.ToDictionary(n => n, n => n.Inputs.Select(i => i.From).Distinct().Count());
        var ready = new Queue<GraphNode>(nodes.Where(n => pending[n] == 0));
        var order = new List<GraphNode>(nodes.Count);
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            node.Order = order.Count;
            order.Add(node);
            foreach (var output in node.Outputs.Distinct())
                if (--pending[output] == 0) ready.Enqueue(output);
        }

        if (order.Count < nodes.Count) ReportCycle(nodes.Where(n => n.Order < 0).ToHashSet(), problems);
        return order;
    }

    private static void ReportCycle(HashSet<GraphNode> remaining, ProblemList problems)
    {
        var path = new List<GraphNode>();
        var node = remaining.First();
        while (!path.Contains(node))
        {
            path.Add(node);
            node = node.Inputs.Select(i => i.From).First(remaining.Contains);
        }

        var cycle = path.Skip(path.IndexOf(node)).Reverse().Append(node).ToList();
        var location = cycle.Select(n => n.Element?.Location ?? n.Page?.Location).FirstOrDefault(l => l is not null) ?? SourceLocation.None;
        var described = string.Join(" → ", cycle.Select(n => n.Describe()));
        problems.Error(DefinitionProblemCodes.RuleCycle, $"visibility conditions and computed values depend on each other in a cycle: {described}", location, described);
    }
}
