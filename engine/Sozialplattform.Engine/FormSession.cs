using System.Text.Json.Nodes;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Engine;

/// <summary>
/// One user's answers held in memory (e.g. the designer's preview or a live form): a changed answer re-runs only the
/// rules that read it, following the dependency graph built when the form was loaded. Not thread-safe.
/// </summary>
public sealed class FormSession
{
    private readonly FormEngine _engine;
    private readonly JsonObject _answers;
    private AnswerTree _tree;
    private Evaluator _evaluator;
    private Rules.RuleSession _rules;

    internal FormSession(FormEngine engine, JsonObject answers)
    {
        _engine = engine;
        _answers = (JsonObject)answers.DeepClone();
        _rules = engine.Options.RuleEngine.Open(engine.Model.Program, engine.Options.Today());
        (_tree, _evaluator) = Rebuild();
    }

    /// <summary>The current state of every element.</summary>
    public FormState State => StateSnapshot.Freeze(_engine.Model, _tree, _evaluator);

    /// <summary>The current answers as given (not cleaned).</summary>
    public JsonObject Answers => (JsonObject)_answers.DeepClone();

    /// <summary>Validates the current answers (a full run, as the server does on submit).</summary>
    public ValidationResult Validate() => _engine.Validate(_answers);

    /// <summary>
    /// Sets the answer at <paramref name="path"/> (e.g. <c>haushalt[2].einkommen</c>) and returns the states that changed.
    /// Changing a field re-runs only dependent rules; changing a group or the rows of a repeating group re-evaluates the form.
    /// </summary>
    public IReadOnlyList<ElementState> SetAnswer(string path, JsonNode? value)
    {
        var segments = AnswerPath.Parse(path);
        AnswerPath.Set(_answers, segments, value?.DeepClone());
        if (FindInstance(path) is FieldInstance field)
        {
            field.Raw = value?.DeepClone();
            AnswerTree.Parse(field);
            using var operation = _rules.Begin();
            return new IncrementalEvaluation(_engine.Model, _tree, _evaluator).Propagate(field);
        }

        (_tree, _evaluator) = Rebuild();
        return State.Elements;
    }

    private Instance? FindInstance(string path)
    {
        Instance? current = _tree.Root;
        foreach (var segment in AnswerPath.Parse(path))
        {
            current = (current, segment) switch
            {
                (Container container, AnswerPath.Key key) => container.Children.GetValueOrDefault(key.Name),
                (RepeatInstance repeat, AnswerPath.Index index) => index.Value < repeat.Rows.Count ? repeat.Rows[index.Value] : null,
                _ => null,
            };
            if (current is null) return null;
        }

        return current;
    }

    private (AnswerTree, Evaluator) Rebuild()
    {
        var tree = new AnswerTree(_engine.Model, _answers, _engine.Options.AnswerLimits.MaxRowsPerGroup);
        using var operation = _rules.Begin();
        var evaluator = new Evaluator(_engine.Model, tree, _rules);
        evaluator.EvaluateAll();
        evaluator.ApplyStaticChecks();
        return (tree, evaluator);
    }
}
