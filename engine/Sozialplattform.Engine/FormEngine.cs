using System.Text.Json.Nodes;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Reading;
using Sozialplattform.Engine.Schema;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Engine;

/// <summary>
/// One form version, loaded and prepared once, thread-safe: evaluates and validates answers with the same rules
/// the page runs, and describes its answers as JSON Schema. Load with <see cref="Load"/>.
/// </summary>
public sealed class FormEngine
{
    private readonly Lazy<JsonObject> _schema;

    private FormEngine(FormModel model, FormEngineOptions options)
    {
        Model = model;
        Options = options;
        _schema = new Lazy<JsonObject>(() => AnswerSchemaExporter.Export(model.Definition));
    }

    public FormDefinition Definition => Model.Definition;

    public FormEngineOptions Options { get; }

    internal FormModel Model { get; }

    /// <summary>Loads a definition file; blocks and code lists come from the nearest catalog (a folder with catalog.json) or <paramref name="catalogRoot"/>.</summary>
    public static LoadResult Load(string path, FormEngineOptions? options = null, string? catalogRoot = null)
    {
        var problems = new ProblemList();
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            problems.Error(DefinitionProblemCodes.FileMissing, "the definition file does not exist", new SourceLocation(fullPath, "", 0, 0));
            return new LoadResult(null, problems.All);
        }

        if (new FileInfo(fullPath).Length > JsonDocumentReader.MaxDefinitionBytes)
        {
            var megabytes = (JsonDocumentReader.MaxDefinitionBytes / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            problems.Error(DefinitionProblemCodes.FileTooLarge, $"the definition file is larger than {megabytes} MB", new SourceLocation(fullPath, "", 0, 0), megabytes);
            return new LoadResult(null, problems.All);
        }

        var catalog = catalogRoot is not null ? new CatalogDirectory(catalogRoot) : CatalogDirectory.FindFor(fullPath);
        return LoadText(File.ReadAllText(fullPath), fullPath, catalog, options);
    }

    /// <summary>Loads a definition from text; <paramref name="source"/> names it in problems.</summary>
    public static LoadResult LoadText(string text, string source, CatalogDirectory? catalog, FormEngineOptions? options = null)
    {
        options ??= FormEngineOptions.Default;
        var problems = new ProblemList();
        var definition = new DefinitionReader(options).Read(text, source, catalog, problems);
        if (definition is null) return new LoadResult(null, problems.All);
        var model = FormModel.Build(definition, options, problems);
        return new LoadResult(model is null || problems.HasErrors ? null : new FormEngine(model, options), problems.All);
    }

    /// <summary>The state of every page and element for these answers (visibility, required, read-only, values).</summary>
    public FormState Evaluate(JsonObject answers) => Run(answers, validate: false).State;

    /// <summary>Evaluates and checks the answers: the server's verdict, with errors and warnings as data.</summary>
    public ValidationResult Validate(JsonObject answers) => Run(answers, validate: true);

    /// <summary>The JSON Schema (2020-12) of this form version's submitted answers.</summary>
    public JsonObject ExportJsonSchema() => (JsonObject)_schema.Value.DeepClone();

    /// <summary>The neutral, formatted view of validated answers in one language — the source of the PDF, the summary page and e-mails.</summary>
    public Documents.SubmissionDocument BuildDocument(ValidationResult result, string language, Documents.DocumentHeader? header = null) =>
        new Documents.SubmissionDocumentBuilder(Definition, result.State, language, Options.Localizer)
            .Build(header ?? new Documents.DocumentHeader(null, null, null, []));

    /// <summary>A session for one user's answers that re-evaluates only what a changed answer affects.</summary>
    public FormSession OpenSession(JsonObject answers) => new(this, answers);

    /// <summary>
    /// The browser's copy of the rules: one static script per form version (helpers, the compiled rule functions and
    /// the model of elements, parameters and evaluation order), served as a cacheable file so that no
    /// Content-Security-Policy needs <c>unsafe-eval</c>. The script defines <c>window.SozialRules[reference]</c>.
    /// </summary>
    public string ClientScript() =>
        $"(function () {{\n{Options.RuleEngine.RuntimeScript}\nvar __today = new Date().toISOString().slice(0, 10);\nvar functions = {Model.Program.Script};\nvar model = {ClientModelExporter.Export(Model).ToJsonString()};\n" +
        $"var registry = (window.SozialRules = window.SozialRules || {{}});\nregistry[model.form] = {{ functions: functions, model: model, helpers: {{ today: function () {{ return __today; }} }} }};\n" +
        "registry.setToday = function (iso) { __today = iso; };\n})();\n";

    /// <summary>The client model alone (elements, rule parameters, evaluation order) as JSON.</summary>
    public JsonObject ClientModel() => ClientModelExporter.Export(Model);

    /// <summary>
    /// The destination roles chosen by the form's routing rules for these answers. Throws when the request was refused
    /// (host overloaded, budget spent): the default routing must not stand in for rules that did not run.
    /// </summary>
    public IReadOnlyList<(string Destination, bool Instead)> RoutingDestinations(JsonObject answers)
    {
        var tree = new AnswerTree(Model, answers, Options.AnswerLimits.MaxRowsPerGroup);
        using var rules = Options.RuleEngine.Open(Model.Program, Options.Today());
        using var operation = rules.Begin();
        var evaluator = new Evaluator(Model, tree, rules);
        evaluator.EvaluateAll();
        var destinations = Model.Routing
            .Where(r => evaluator.Test(r.Bound, tree.Root, tree.Root) && tree.Root.Failure is null)
            .Select(r => (r.Rule.Destination, r.Rule.Instead))
            .ToList();
        if (operation.Refusal is { } refusal)
            throw new InvalidOperationException($"the routing rules of {Definition.Reference} were not run ({refusal.Code}: {refusal.Message})");
        return destinations;
    }

    private ValidationResult Run(JsonObject answers, bool validate)
    {
        var today = Options.Today();
        var tree = new AnswerTree(Model, answers, Options.AnswerLimits.MaxRowsPerGroup);
        using var rules = Options.RuleEngine.Open(Model.Program, today);
        using var operation = rules.Begin();
        var evaluator = new Evaluator(Model, tree, rules);
        evaluator.EvaluateAll();
        evaluator.ApplyStaticChecks();
        var state = StateSnapshot.Take(Model, tree, evaluator);
        if (!validate) return new ValidationResult { Errors = [], Warnings = [], State = state };
        var (errors, warnings) = new Validator(Model, tree, evaluator, today).Run();
        return new ValidationResult { Errors = errors, Warnings = warnings, State = state };
    }
}
