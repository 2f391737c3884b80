using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Validation;

/// <summary>Checks an evaluated answer tree: types, required, constraints, rows, validations and declarations.</summary>
internal sealed class Validator
{
    private readonly FormModel model;
    private readonly AnswerTree tree;
    private readonly Evaluator evaluator;
    private readonly List<FieldError> _errors = [];
    private readonly List<FieldError> _warnings = [];
    private readonly FieldCheckContext _fieldChecks;
    private FieldInstance? _current;

    public Validator(FormModel model, AnswerTree tree, Evaluator evaluator, DateOnly today)
    {
        this.model = model;
        this.tree = tree;
        this.evaluator = evaluator;
        _fieldChecks = new FieldCheckContext(today, (subPath, code, args) => Add(_current!.Path + subPath, code, args ?? Args(), Severity.Error, _current.Field));
    }

    public (List<FieldError> Errors, List<FieldError> Warnings) Run()
    {
        foreach (var structure in tree.StructureErrors)
            _errors.Add(new FieldError(structure.Path, structure.Code, structure.Args, Severity.Error) { Element = structure.Element });

        foreach (var element in model.Elements)
            foreach (var instance in tree.ByElement[element.Ordinal])
            {
                if (instance.Failure is { } failure) AddFailure(instance, failure);
                if (!instance.Visible) continue;
                if (instance is FieldInstance field) CheckField(field);
                else if (instance is RepeatInstance repeat) CheckRows(repeat);
                else CheckGroup((Container)instance);
            }

        foreach (var page in model.Definition.Pages)
            if (evaluator.PageVisible[page.Index]) RunValidations(model.PageRules[page.Index], tree.Root);
        RunValidations(model.FormRules, tree.Root);
        CheckDeclarations();
        // A refused request was not checked completely: its verdict is the refusal alone, not findings from a partial run.
        if (evaluator.Refusal is { } refusal) return ([new FieldError("", refusal.Code, Args(), Severity.Error)], []);
        return (_errors, _warnings);
    }

    private void CheckField(FieldInstance field)
    {
        var definition = field.Field;
        if (!definition.Type.HasAnswer) return;
        if (field.ParseError is { } parseError && !definition.IsComputed)
        {
            Add(field.Path, parseError.ErrorCode!, parseError.Args ?? Args(), Severity.Error, definition);
            return;
        }

        if (AnswerValues.IsEmpty(field.Effective))
        {
            if (field.Required) Add(field.Path, "required", Args(), Severity.Error, definition);
            else if (definition.SoftRequired) Add(field.Path, "recommended", Args(), Severity.Warning, definition);
            return;
        }

        _current = field;
        definition.Type.Validate(definition, field.Effective!, _fieldChecks);
        RunValidations(model.ElementRules[definition.Ordinal], field);
    }

    private void CheckRows(RepeatInstance repeat)
    {
        var settings = repeat.Group.Repeat!;
        if (repeat.Rows.Count < settings.Min) Add(repeat.Path, "minRows", Args(("min", settings.Min)), Severity.Error, repeat.Group);
        if (repeat.Rows.Count > settings.Max) Add(repeat.Path, "maxRows", Args(("max", settings.Max)), Severity.Error, repeat.Group);
        foreach (var row in repeat.Rows) RunValidations(model.ElementRules[repeat.Group.Ordinal], row);
    }

    private void CheckGroup(Container group) => RunValidations(model.ElementRules[group.Group.Ordinal], group);

    private void RunValidations(RuleSet rules, Instance owner)
    {
        foreach (var (definition, rule) in rules.Validations)
        {
            var failedBefore = owner.Failure is not null;
            var applies = evaluator.Test(rule, owner, owner);
            if (!failedBefore && owner.Failure is { } failure)
            {
                AddValidationFailure(definition, rule.Scope, owner, failure);
                continue;
            }

            if (!applies) continue;
            var (path, element) = Target(definition, rule.Scope, owner);
            var finding = new FieldError(path, definition.Code, Args(), definition.Level) { Element = element, Message = definition.Message };
            (definition.Level == Severity.Warning ? _warnings : _errors).Add(finding);
        }
    }

    private static (string Path, ElementDefinition? Element) Target(ValidationDefinition definition, GroupDefinition scope, Instance owner)
    {
        if (definition.FieldKey is null) return (owner.Path, owner.Definition);
        var start = RuleArguments.FindScope(scope, owner);
        Instance? current = start;
        foreach (var key in definition.FieldKey.Split('.'))
            current = current is Container container && container.Children.TryGetValue(key, out var child) ? child : null;
        return current is null ? (owner.Path, owner.Definition) : (current.Path, current.Definition);
    }

    private void CheckDeclarations()
    {
        foreach (var declaration in model.Definition.Declarations)
        {
            var answer = tree.Declarations[declaration.Key];
            var confirmed = answer is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.True;
            if (answer is not null && answer.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                _errors.Add(new FieldError(declaration.Key, "boolean", Args(), Severity.Error) { Label = declaration.Text });
            else if (declaration.Required && !confirmed)
                _errors.Add(new FieldError(declaration.Key, "declaration", Args(), Severity.Error) { Label = declaration.Text });
        }
    }

    /// <summary>A refused request has one error for the whole form (added first), not one per rule that did not run.</summary>
    private void AddFailure(Instance instance, Rules.RuleFailure failure)
    {
        if (Rules.RuleRefusals.IsRefusal(failure.Code)) return;
        Add(instance.Path, "ruleFailed", Args(("reason", failure.Message), ("failure", failure.Code)), Severity.Error, instance.Definition);
    }

    /// <summary>
    /// A validation whose rule failed: on the element it names (or belongs to); a page's or the form's own validation has
    /// no element, so the finding carries the validation's code as its path and in its text.
    /// </summary>
    private void AddValidationFailure(ValidationDefinition definition, GroupDefinition scope, Instance owner, Rules.RuleFailure failure)
    {
        var (path, element) = Target(definition, scope, owner);
        if (element is not (null or GroupDefinition { IsRoot: true }))
        {
            Add(path, "ruleFailed", Args(("reason", failure.Message), ("failure", failure.Code), ("validation", definition.Code)), Severity.Error, element);
            return;
        }

        var args = Args(("reason", failure.Message), ("failure", failure.Code), ("validation", definition.Code), ("part", "validation"));
        _errors.Add(new FieldError(definition.Code, "ruleFailed", args, Severity.Error));
    }

    private void Add(string path, string code, IReadOnlyDictionary<string, object?> args, Severity severity, ElementDefinition? element)
    {
        var own = element is FieldDefinition field && field.Messages.TryGetValue(code, out var message) ? message : null;
        var finding = new FieldError(path, code, args, severity) { Element = element, Message = own };
        (severity == Severity.Warning ? _warnings : _errors).Add(finding);
    }

    private static IReadOnlyDictionary<string, object?> Args(params (string Name, object? Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value);
}
