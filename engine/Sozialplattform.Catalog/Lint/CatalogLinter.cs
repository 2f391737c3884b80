using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Catalog.Lint;

/// <summary>
/// <c>sozial catalog lint</c>: every service has its metadata, every text exists in each declared language,
/// every block and code-list reference resolves, every rule reads only existing answers, sample answers sit
/// beside every form, tenant branding and text overrides fit the shared definitions, and the engine loads
/// every form without problems.
/// </summary>
public sealed partial class CatalogLinter
{
    private static readonly string[] RequiredLanguages = ["de", "en"];
    private readonly CatalogRoot _catalog;
    private readonly FormTree _tree;
    private readonly List<LintFinding> _findings = [];
    private HashSet<string> _topics = [];
    private IReadOnlyList<string>? _textLanguages;
    private IReadOnlyDictionary<string, byte[]>? _samples;

    private CatalogLinter(CatalogRoot catalog)
    {
        _catalog = catalog;
        _tree = new FormTree(catalog);
    }

    public static IReadOnlyList<LintFinding> Lint(CatalogRoot catalog)
    {
        var linter = new CatalogLinter(catalog);
        linter.Run();
        return linter._findings;
    }

    /// <summary>
    /// The catalog checks of one form whose JSON is given (a form being edited in the designer), as if it were the
    /// file of <paramref name="form"/>. The engine's own problems are left to the caller, who loads the text anyway.
    /// <paramref name="samples"/> (file name → bytes, as in <c>answers/</c>) are the form's sample answers when they are not
    /// files of the catalog folder (a draft's, kept by the designer); null: the catalog folder's.
    /// </summary>
    public static IReadOnlyList<LintFinding> LintForm(CatalogRoot catalog, CatalogReference form, JsonObject json, IReadOnlyDictionary<string, byte[]>? samples = null)
    {
        var linter = new CatalogLinter(catalog) { _samples = samples };
        linter.LintCatalogFile();
        linter._findings.Clear();
        linter.LintFormJson(CatalogRoot.FormPath(form), form, json);
        return linter._findings;
    }

    /// <summary>
    /// Every text of the form (with the blocks and code lists it uses) that lacks one of <paramref name="languages"/> —
    /// whether or not the form declares them, so the completeness table shows how far a translation has come.
    /// </summary>
    public static IReadOnlyList<LintFinding> MissingTexts(CatalogRoot catalog, CatalogReference form, JsonObject json, IReadOnlyList<string> languages)
    {
        var linter = new CatalogLinter(catalog) { _textLanguages = languages };
        linter.LintCatalogFile();
        linter._findings.Clear();
        linter.LintFormJson(CatalogRoot.FormPath(form), form, json);
        return linter._findings.Where(f => f.MissingLanguage is not null).ToList();
    }

    private void Run()
    {
        LintCatalogFile();
        foreach (var list in _catalog.CodeLists()) LintCodeList(list);
        foreach (var block in _catalog.Blocks()) LintBlock(block);
        foreach (var form in _catalog.Forms()) LintForm(form);
        LintTenants();
    }

    private void Error(string file, string where, string code, string message, params string[] arguments) =>
        _findings.Add(new LintFinding(file, where, message) { Code = code, Arguments = arguments });

    private void Warn(string file, string where, string code, string message, params string[] arguments) =>
        _findings.Add(new LintFinding(file, where, message, LintSeverity.Warning) { Code = code, Arguments = arguments });

    private JsonObject? Read(string relativePath)
    {
        try
        {
            return CatalogJson.ReadObject(_catalog.FullPath(relativePath));
        }
        catch (CatalogException e)
        {
            Error(relativePath, "", LintCodes.Other, e.Message, e.Message);
            return null;
        }
    }

    private void LintCatalogFile()
    {
        var catalog = Read(CatalogRoot.MarkerFile);
        if (catalog is null) return;
        Texts(CatalogRoot.MarkerFile, "name", catalog["name"], RequiredLanguages, required: true);
        foreach (var topic in CatalogJson.Objects(catalog["topics"]))
            Texts(CatalogRoot.MarkerFile, $"topic {CatalogJson.String(topic, "id")}", topic["title"], RequiredLanguages, required: true);
        _topics = CatalogJson.Objects(catalog["topics"]).Select(t => CatalogJson.String(t, "id") ?? "").ToHashSet();
    }

    private void LintCodeList(CatalogReference list)
    {
        var file = CatalogRoot.CodeListPath(list);
        var json = Read(file);
        if (json is null) return;
        Identity(file, json, list);
        var codes = new HashSet<string>();
        foreach (var item in CatalogJson.Objects(json["items"]))
        {
            var code = CatalogJson.String(item, "code") ?? "";
            if (!codes.Add(code)) Error(file, $"code {code}", LintCodes.DuplicateCode, "duplicate code", code);
            Texts(file, $"code {code}", item["label"], RequiredLanguages, required: true);
        }
        if (codes.Count == 0) Error(file, "", LintCodes.CodeListEmpty, "a code list needs at least one item");
    }

    private void LintBlock(CatalogReference block)
    {
        var file = CatalogRoot.BlockPath(block);
        var json = Read(file);
        if (json is null) return;
        Identity(file, json, block);
        var languages = CatalogJson.Languages(json) is { Count: > 0 } declared ? declared : RequiredLanguages;
        Texts(file, "title", json["title"], languages, required: true);
        var items = _tree.Items(json["items"]);
        var scope = new Scope(null, items);
        Items(file, items, scope, languages, json);
        foreach (var validation in CatalogJson.Objects(json["validations"]))
            Validation(file, "block validations", validation, scope, languages, allowValue: false);
    }

    private void LintForm(CatalogReference form)
    {
        var file = CatalogRoot.FormPath(form);
        var json = Read(file);
        if (json is null) return;
        LintFormJson(file, form, json);
        EngineProblems(file);
    }

    private void LintFormJson(string file, CatalogReference form, JsonObject json)
    {
        Identity(file, json, form);
        var declared = CatalogJson.Languages(json);
        var languages = _textLanguages ?? declared;
        Metadata(file, json, declared, languages);
        ServiceInfo(file, form, json, languages);

        var pages = CatalogJson.Objects(json["pages"]).ToList();
        var rootItems = pages.SelectMany(p => _tree.Items(p["items"])).ToList();
        var root = new Scope(null, rootItems);
        Unique(file, "pages", pages.Select(p => CatalogJson.String(p, "id") ?? ""));
        Unique(file, "root", rootItems.Select(i => i.Key));
        foreach (var page in pages)
        {
            var where = $"page {CatalogJson.String(page, "id")}";
            Texts(file, where + " title", page["title"], languages, required: true);
            Texts(file, where + " description", page["description"], languages, required: false);
            if (page["legalBasis"] is not JsonArray { Count: > 0 } && json["service"]?["leikaKeys"] is not null && CatalogJson.String(json, "id") != "sozialleistungsfinder")
                Warn(file, where, LintCodes.NoLegalBasisOnPage, "no legalBasis on this page");
            if (CatalogJson.String(page, "visibleIf") is { } visible) Rule(file, where + " visibleIf", visible, root, allowValue: false);
            foreach (var validation in CatalogJson.Objects(page["validations"])) Validation(file, where, validation, root, languages, allowValue: false);
            Items(file, _tree.Items(page["items"]), root, languages, json);
        }
        foreach (var validation in CatalogJson.Objects(json["validations"])) Validation(file, "form validations", validation, root, languages, allowValue: false);
        foreach (var routing in CatalogJson.Objects(json["routing"]))
            if (CatalogJson.String(routing, "when") is { } when) Rule(file, "routing", when, root, allowValue: false);
        foreach (var declaration in CatalogJson.Objects(json["declarations"]))
            Texts(file, $"declaration {CatalogJson.String(declaration, "key")}", declaration["text"], languages, required: true);
        foreach (var (document, index) in (json["requiredDocuments"] as JsonArray ?? []).Select((d, i) => (d, i)))
            Texts(file, $"requiredDocuments[{index}]", document, languages, required: true);
        Samples(form);
    }

    /// <summary>Whatever the engine reports when it loads the form (schema, rule binding, cycles, translations).</summary>
    private void EngineProblems(string file)
    {
        var loaded = FormEngine.Load(_catalog.FullPath(file), catalogRoot: _catalog.Directory);
        foreach (var problem in loaded.Problems)
        {
            var where = $"engine {problem.Code}" + (problem.Location.JsonPath is { Length: > 0 } path ? $" at {path}" : "");
            if (problem.IsError) Error(file, where, LintCodes.Engine, problem.Message, problem.Code, problem.Message);
            else Warn(file, where, LintCodes.Engine, problem.Message, problem.Code, problem.Message);
        }
    }

    private void Identity(string file, JsonObject json, CatalogReference expected)
    {
        var actual = new CatalogReference(CatalogJson.String(json, "id") ?? "", CatalogJson.String(json, "version") ?? "");
        if (actual != expected) Error(file, "", LintCodes.IdentityMismatch, $"the file says {actual}, its path says {expected}", actual.ToString(), expected.ToString());
    }

    private void Metadata(string file, JsonObject json, IReadOnlyList<string> declared, IReadOnlyList<string> languages)
    {
        foreach (var language in RequiredLanguages.Where(l => !declared.Contains(l))) Error(file, "languages", LintCodes.LanguageMissing, $"'{language}' is missing: every form is offered in German and English", language);
        if (declared.Count > 0 && declared[0] != "de") Error(file, "languages", LintCodes.GermanNotFirst, "German must be the first (source) language");
        if (CatalogJson.String(json, "status") is not ("draft" or "published" or "retired")) Error(file, "status", LintCodes.StatusInvalid, "status must be draft, published or retired");
        foreach (var text in new[] { "title", "shortTitle", "description" }) Texts(file, text, json[text], languages, required: true);
        Texts(file, "help", json["help"], languages, required: false);
        var topic = CatalogJson.String(json, "topic");
        if (topic is null) Error(file, "topic", LintCodes.TopicMissing, "missing");
        else if (!_topics.Contains(topic)) Error(file, "topic", LintCodes.TopicUnknown, $"'{topic}' is not a topic of catalog.json", topic);
        if (json["keywords"] is not JsonArray { Count: > 0 }) Error(file, "keywords", LintCodes.KeywordsMissing, "missing: the portal's search needs keywords");
        if (json["legalBasis"] is not JsonArray { Count: > 0 }) Error(file, "legalBasis", LintCodes.LegalBasisMissing, "missing");
        if (json["service"] is not JsonObject service) { Error(file, "service", LintCodes.ServiceMissing, "missing"); return; }
        var hasLeika = service["leikaKeys"] is JsonArray { Count: > 0 };
        var todos = (json["operatorTodo"] as JsonArray)?.Select(t => t?.ToString() ?? "") ?? [];
        if (!hasLeika && !todos.Any(t => t.Contains("LeiKa", StringComparison.OrdinalIgnoreCase)))
            Error(file, "service.leikaKeys", LintCodes.LeikaMissing, "empty, and no operatorTodo tells the operator to set the LeiKa key");
    }

    /// <summary>The service page's texts (<c>serviceInfo</c>): translated where present, and complete in the newest version of an application (published versions never change, so older ones are exempt).</summary>
    private void ServiceInfo(string file, CatalogReference form, JsonObject json, IReadOnlyList<string> languages)
    {
        var info = json["serviceInfo"] as JsonObject;
        foreach (var property in ServiceInformation.Properties)
            Texts(file, "serviceInfo." + property, info?[property], languages, required: false);
        var newest = _catalog.Forms().Where(f => f.Id == form.Id).MaxBy(f => SemanticVersion.Parse(f.Version));
        if (CatalogJson.String(json, "purpose") == "questionnaire" || newest?.Version != form.Version) return;
        foreach (var property in ServiceInformation.Properties.Where(p => p != "paidFrom" && info?[p] is null))
            Error(file, "serviceInfo." + property, LintCodes.ServiceInfoMissing, "missing: the service page tells citizens this before they start (see docs/DEFINITION-FORMAT.md, serviceInfo)", property);
    }

    private void Samples(CatalogReference form)
    {
        var folder = $"forms/{form.Id}/{form.Version}/answers";
        foreach (var name in new[] { "valid.json", "invalid.json", "invalid.expected.json" })
        {
            var path = $"{folder}/{name}";
            if (_samples is not null)
            {
                if (!_samples.TryGetValue(name, out var bytes)) Error(CatalogRoot.FormPath(form), "answers", LintCodes.SampleMissing, $"{path} is missing: every form has valid and invalid sample answers", path);
                else if (name.EndsWith("expected.json", StringComparison.Ordinal) && !HasErrorsArray(bytes))
                    Error(path, "", LintCodes.ExpectedErrorsShape, "expected errors must be {\"errors\": [{\"path\", \"code\"}], \"warnings\": [...]}");
            }
            else if (!File.Exists(_catalog.FullPath(path))) Error(CatalogRoot.FormPath(form), "answers", LintCodes.SampleMissing, $"{path} is missing: every form has valid and invalid sample answers", path);
            else if (Read(path) is { } json && name.EndsWith("expected.json", StringComparison.Ordinal) && json["errors"] is not JsonArray)
                Error(path, "", LintCodes.ExpectedErrorsShape, "expected errors must be {\"errors\": [{\"path\", \"code\"}], \"warnings\": [...]}");
        }
    }

    private static bool HasErrorsArray(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) is JsonObject { } json && json["errors"] is JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private void Items(string file, IReadOnlyList<ItemNode> items, Scope scope, IReadOnlyList<string> languages, JsonObject owner)
    {
        Unique(file, scope.Parent is null ? "root items" : "group items", items.Select(i => i.Key));
        foreach (var item in items)
        {
            var where = scope.Path(item.Key);
            if (RuleNames.Provided.Contains(item.Key)) Error(file, where, LintCodes.ReservedKey, $"'{item.Key}' is a reserved name and cannot be a key", item.Key);
            Texts(file, where + " label", item.Json["label"], languages, required: item.IsField);
            if (item.IsField && OptionalMarker(item.Json["label"]) is { } marker)
                Warn(file, where + " label", LintCodes.OptionalMarker, $"ends with '{marker}': the portal marks optional fields itself, so the citizen reads it twice — remove it in the form's next version (a published version never changes)", marker);
            if (item.IsField && IsTrue(item.Json["readOnly"]) && IsTrue(item.Json["required"]) && item.Json["default"] is null && item.Json["value"] is null)
                Error(file, where, LintCodes.RequiredReadOnlyEmpty, "required and read-only without a default or computed value: nobody can fill it in, so the citizen cannot pass its page");
            if (PendingFimCodeLists.Of(item.Json) is { } pendingList) Error(file, where, LintCodes.FimCodeListPending, PendingFimCodeLists.Message(pendingList), pendingList);
            if (item.IsGroup && item.Block is null) Texts(file, where + " title", item.Json["title"], languages, required: true);
            else Texts(file, where + " title", item.Json["title"], languages, required: false);
            if (item.Type == "info") Texts(file, where + " text", item.Json["text"], languages, required: true);
            foreach (var text in new[] { "hint", "help", "placeholder", "outputLabel", "unit" }) Texts(file, $"{where} {text}", item.Json[text], languages, required: false);
            foreach (var (code, message) in item.Json["messages"] as JsonObject ?? []) Texts(file, $"{where} message {code}", message, languages, required: true);
            if (item.Json["repeat"] is JsonObject repeat)
                foreach (var text in new[] { "addLabel", "rowLabel" }) Texts(file, $"{where} {text}", repeat[text], languages, required: false);
            foreach (var option in CatalogJson.Objects(item.Json["options"])) Texts(file, $"{where} option {CatalogJson.String(option, "code")}", option["label"], languages, required: true);
            if (item.Block is not null && _tree.Block(item.Block) is null) Error(file, where, LintCodes.BlockMissing, $"building block {item.Block} is not in the catalog", item.Block);
            if (CatalogJson.String(item.Json, "codeList") is { } codeList) CodeListUse(file, where, codeList, owner, languages);

            foreach (var rule in new[] { "visibleIf", "requiredIf", "readOnlyIf", "value" })
                if (CatalogJson.String(item.Json, rule) is { } expression) Rule(file, $"{where} {rule}", expression, scope, allowValue: false);
            var inside = item.IsGroup ? new Scope(scope, item.Children, item.Key) : scope;
            foreach (var validation in CatalogJson.Objects(item.Json["validations"])) Validation(file, where, validation, inside, languages, allowValue: item.IsField);
            if (item.IsGroup)
            {
                if (item.Block is not null)
                {
                    // The block file is linted on its own; here only its texts in this form's languages and its rules in place.
                    var blockScope = new Scope(scope, item.Children, item.Key);
                    foreach (var validation in CatalogJson.Objects(item.BlockValidations)) Validation(file, where, validation, blockScope, languages, allowValue: false);
                }
                Items(file, item.Children, inside, languages, owner);
            }
        }
    }

    private void CodeListUse(string file, string where, string reference, JsonObject owner, IReadOnlyList<string> languages)
    {
        var inline = CatalogJson.Objects(owner["codeLists"]).FirstOrDefault(c => $"{CatalogJson.String(c, "id")}@{CatalogJson.String(c, "version")}" == reference);
        JsonObject? list = inline;
        if (list is null)
        {
            CatalogReference parsed;
            try { parsed = CatalogReference.Parse(reference); }
            catch (CatalogException e) { Error(file, where, LintCodes.Other, e.Message, e.Message); return; }
            var path = _catalog.FullPath(CatalogRoot.CodeListPath(parsed));
            if (!File.Exists(path)) { Error(file, where, LintCodes.CodeListMissing, $"code list {reference} is neither in the catalog nor defined in the form", reference); return; }
            list = CatalogJson.ReadObject(path);
        }
        foreach (var item in CatalogJson.Objects(list["items"]))
            Texts(file, $"{where} code list {reference} code {CatalogJson.String(item, "code")}", item["label"], languages, required: true);
    }

    private void Validation(string file, string where, JsonObject validation, Scope scope, IReadOnlyList<string> languages, bool allowValue)
    {
        var code = CatalogJson.String(validation, "code") ?? "validation";
        Texts(file, $"{where} validation {code} message", validation["message"], languages, required: true);
        if (CatalogJson.String(validation, "when") is { } when) Rule(file, $"{where} validation {code}", when, scope, allowValue);
        if (CatalogJson.String(validation, "field") is { } field && scope.Resolve(field.Split('.')[0]) is null)
            Error(file, $"{where} validation {code}", LintCodes.ValidationFieldUnknown, $"field '{field}' does not exist here", field);
    }

    private void Rule(string file, string where, string expression, Scope scope, bool allowValue)
    {
        RuleNames names;
        try
        {
            names = RuleNames.Of(expression);
        }
        catch (CatalogException e)
        {
            Error(file, where, LintCodes.RuleUnreadable, e.Message, e.Message);
            return;
        }
        foreach (var name in names.Names)
        {
            if (name == "value" && !allowValue) Error(file, where, LintCodes.ValueOutsideValidation, "'value' is only available in a field's own validations");
            else if (!RuleNames.Provided.Contains(name) && scope.Resolve(name) is null) Error(file, where, LintCodes.UnknownName, $"unknown name '{name}' in rule: {expression}", name, expression);
        }
        foreach (var (group, member) in names.Members)
            if (scope.Resolve(group) is { IsGroup: true, Repeating: false } node && node.Children.All(c => c.Key != member))
                Error(file, where, LintCodes.UnknownMember, $"'{group}' has no item '{member}' (rule: {expression})", group, member, expression);
    }

    private void Texts(string file, string where, JsonNode? text, IReadOnlyList<string> languages, bool required)
    {
        if (text is null)
        {
            if (required) Error(file, where, LintCodes.TextMissing, "missing");
            return;
        }
        var present = CatalogJson.TextLanguages(text);
        foreach (var language in languages.Where(l => !present.Contains(l)))
            _findings.Add(new LintFinding(file, where, $"no '{language}' text") { MissingLanguage = language, Code = LintCodes.TextLanguageMissing, Arguments = [language] });
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b) && b;

    /// <summary>A label's own "(freiwillig)"/"(optional)" at its end, in any language.</summary>
    private static string? OptionalMarker(JsonNode? label) =>
        (label as JsonObject ?? []).Select(t => t.Value?.ToString().TrimEnd() ?? "")
            .Select(t => OptionalMarkers.FirstOrDefault(m => t.EndsWith(m, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(m => m is not null);

    private static readonly string[] OptionalMarkers = ["(freiwillig)", "(optional)"];

    private void Unique(string file, string where, IEnumerable<string> keys)
    {
        foreach (var duplicate in keys.GroupBy(k => k).Where(g => g.Count() > 1)) Error(file, where, LintCodes.DuplicateKey, $"key '{duplicate.Key}' is used more than once", duplicate.Key);
    }

    /// <summary>The names visible to a rule: the items of its level, then outward to the root.</summary>
    private sealed class Scope(Scope? parent, IReadOnlyList<ItemNode> items, string? key = null)
    {
        public Scope? Parent { get; } = parent;

        public ItemNode? Resolve(string name) => items.FirstOrDefault(i => i.Key == name) ?? Parent?.Resolve(name);

        public string Path(string child) => key is null ? (Parent is null ? child : Parent.Path(child)) : Parent is null ? $"{key}.{child}" : Parent.Path($"{key}.{child}");
    }
}
