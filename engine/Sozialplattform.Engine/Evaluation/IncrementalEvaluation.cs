namespace Sozialplattform.Engine.Evaluation;

/// <summary>
/// Re-runs what one changed field affects: the nodes downstream of it in the dependency graph, and of those only
/// the instances in the same rows (as far as the rules share repeating groups) — and only while something changes.
/// </summary>
internal sealed class IncrementalEvaluation(FormModel model, AnswerTree tree, Evaluator evaluator)
{
    private readonly Dictionary<GraphNode, List<Instance>> _dirty = [];
    private readonly List<Instance> _changed = [];

    public IReadOnlyList<ElementState> Propagate(FieldInstance field)
    {
        var start = model.Graph.Elements[field.Field.Ordinal];
        _changed.Add(field);
        if (evaluator.Evaluate(start, field)) _dirty[start] = [field];

        foreach (var node in model.Graph.Downstream(start))
        {
            if (_dirty.Count == 0) break;
            var affected = Affected(node);
            if (affected.Count == 0) continue;
            var changed = new List<Instance>();
            foreach (var instance in affected)
            {
                var result = node.Kind switch
                {
                    NodeKind.GroupData => true,
                    NodeKind.Page => evaluator.EvaluatePage(node.Page!),
                    _ => evaluator.Evaluate(node, instance),
                };
                if (!result) continue;
                changed.Add(instance);
                if (node.Kind is NodeKind.Element or NodeKind.Checks && !_changed.Contains(instance)) _changed.Add(instance);
            }

            if (changed.Count > 0) _dirty[node] = changed;
        }

        return _changed.Select(StateSnapshot.State).ToList();
    }

    private HashSet<Instance> Affected(GraphNode node)
    {
        var affected = new HashSet<Instance>(ReferenceEqualityComparer.Instance);
        foreach (var input in node.Inputs)
        {
            if (!_dirty.TryGetValue(input.From, out var dirty)) continue;
            foreach (var candidate in InstancesOf(node))
                foreach (var source in dirty)
                    if (candidate.SharesRows(source, input.SharedRepeatDepth))
                    {
                        affected.Add(candidate);
                        break;
                    }
        }

        return affected;
    }

    private IEnumerable<Instance> InstancesOf(GraphNode node) =>
        node.Kind == NodeKind.Page ? [tree.Root] : tree.ByElement[node.Element!.Ordinal];
}
