using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>
/// What static analysis knows about a form: every rule bound and compiled into one program, and the dependency
/// graph that says in which order rules run and which rules a changed answer affects.
/// </summary>
internal sealed class FormModel
{
    private FormModel(FormDefinition definition, RuleSet[] elements, RuleSet[] pages, RuleSet form, List<(RoutingRule Rule, BoundRule Bound)> routing, List<BoundRule> rules)
    {
        Definition = definition;
        ElementRules = elements;
        PageRules = pages;
        FormRules = form;
        Routing = routing;
        Rules = rules;
    }

    public FormDefinition Definition { get; }

    /// <summary>Rules per element, indexed by <see cref="ElementDefinition.Ordinal"/>.</summary>
    public RuleSet[] ElementRules { get; }

    public RuleSet[] PageRules { get; }

    public RuleSet FormRules { get; }

    public IReadOnlyList<(RoutingRule Rule, BoundRule Bound)> Routing { get; }

    public IReadOnlyList<BoundRule> Rules { get; }

    public RuleProgram Program { get; private set; } = null!;

    public DependencyGraph Graph { get; private set; } = null!;

    public ElementDefinition[] Elements { get; private set; } = [];

    public static FormModel? Build(FormDefinition definition, FormEngineOptions options, ProblemList problems)
    {
        var binder = new RuleBinder(options.RuleFunctions);
        var elements = definition.AllElements().ToArray();
        var rules = new List<BoundRule>();
        BoundRule? Bind(RuleSource? source, GroupDefinition scope, ElementDefinition? owner, FieldDefinition? own = null)
        {
            if (source is null) return null;
            var bound = binder.Bind(source, scope, owner, own, problems);
            if (bound is null) return null;
            bound.Index = rules.Count;
            rules.Add(bound);
            return bound;
        }

        void BindValidations(RuleSet set, IEnumerable<ValidationDefinition> validations, GroupDefinition scope, ElementDefinition? owner, FieldDefinition? own)
        {
            foreach (var validation in validations)
                if (Bind(validation.When, scope, owner, own) is { } bound) set.Validations.Add(new BoundValidation(validation, bound));
        }

        var elementRules = new RuleSet[elements.Length];
        foreach (var element in elements)
        {
            var set = elementRules[element.Ordinal] = new RuleSet();
            set.Visible = Bind(element.VisibleIf, element.Parent!, element);
            if (element is FieldDefinition field)
            {
                set.Value = Bind(field.Value, field.Parent!, field);
                set.Required = Bind(field.RequiredIf, field.Parent!, field);
                set.ReadOnly = Bind(field.ReadOnlyIf, field.Parent!, field);
                BindValidations(set, field.Validations, field.Parent!, field, field);
            }
            else BindValidations(set, element.Validations, (GroupDefinition)element, element, null);
        }

        var pageRules = definition.Pages.Select(page =>
        {
            var set = new RuleSet { Visible = Bind(page.VisibleIf, definition.Root, null) };
            BindValidations(set, page.Validations, definition.Root, null, null);
            return set;
        }).ToArray();
        var formRules = new RuleSet();
        BindValidations(formRules, definition.Root.Validations, definition.Root, null, null);
        var routing = definition.Routing
            .Select(r => (r, Bind(r.When, definition.Root, null)))
            .Where(r => r.Item2 is not null)
            .Select(r => (r.r, r.Item2!))
            .ToList();
        CheckValidationTargets(elements, elementRules, problems);
        if (problems.HasErrors) return null;

        var model = new FormModel(definition, elementRules, pageRules, formRules, routing, rules) { Elements = elements };
        model.Graph = DependencyGraph.Build(model, problems);
        if (problems.HasErrors) return null;
        model.Program = options.RuleEngine.Compile(definition.Reference, rules.Select(r => r.FunctionSource).ToList());
        return model;
    }

    /// <summary>A validation's <c>field</c> must name an item inside its scope.</summary>
    private static void CheckValidationTargets(ElementDefinition[] elements, RuleSet[] rules, ProblemList problems)
    {
        foreach (var element in elements)
            foreach (var validation in rules[element.Ordinal].Validations)
                if (validation.Definition.FieldKey is { } key && ValidationTarget.Find(validation.Rule.Scope, key) is null)
                    problems.Error(DefinitionProblemCodes.ValidationField, $"validation of '{element.PathTemplate}' names field '{key}', which is not in its scope", validation.Definition.When.Location, element.PathTemplate, key);
    }
}

/// <summary>Finds the element a validation's <c>field</c> (dotted keys, relative to the scope) points at.</summary>
internal static class ValidationTarget
{
    public static ElementDefinition? Find(GroupDefinition scope, string dottedKey)
    {
        ElementDefinition? current = scope;
        foreach (var key in dottedKey.Split('.'))
            current = current is GroupDefinition { IsRepeating: false } group || current == scope ? ((GroupDefinition)current!).Find(key) : null;
        return current;
    }
}
