using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>
/// Reads a form definition file into an immutable <see cref="FormDefinition"/>: JSON (with line numbers), then
/// the JSON Schema, then the meaning (field types, keys, blocks, code lists). Every problem is reported, not the first only.
/// </summary>
public sealed class DefinitionReader(FormEngineOptions options)
{
    public FormDefinition? Read(string text, string file, CatalogDirectory? catalog, ProblemList problems)
    {
        if (JsonDocumentReader.Read(text, file, problems) is not { } token) return null;
        if (token is not JObject form)
        {
            problems.Error(DefinitionProblemCodes.SchemaNotObject, "a form definition must be a JSON object", JsonDocumentReader.Location(token, file));
            return null;
        }

        if (!DefinitionSchemas.Check(DefinitionSchemas.Form, form, file, problems)) return null;

        var context = new ReadContext(problems, options.FieldTypes, catalog);
        context.AddCodeLists(form["codeLists"], file);
        var items = new ItemReader(context);
        var pages = new List<PageDefinition>();
        var pageItems = new List<(PageDefinition Page, List<Definitions.ElementDefinition> Items)>();
        foreach (var (pageJson, index) in form["pages"]!.OfType<JObject>().Select((p, i) => (p, i)))
        {
            var elements = items.ReadItems(pageJson["items"], file);
            var page = new PageDefinition
            {
                Id = JsonValues.String(pageJson["id"]) ?? "",
                Index = index,
                Title = JsonValues.Text(pageJson["title"]),
                Description = JsonValues.Text(pageJson["description"]),
                LegalBasis = JsonValues.Legal(pageJson["legalBasis"]),
                VisibleIf = ItemReader.Rule(pageJson["visibleIf"], RuleKind.Visible, file),
                Items = elements,
                Validations = items.ReadValidations(pageJson["validations"], file),
                Location = JsonDocumentReader.Location(pageJson, file),
            };
            pages.Add(page);
            pageItems.Add((page, elements));
        }

        var root = new GroupDefinition
        {
            Key = "",
            Location = JsonDocumentReader.Location(form, file),
            Title = JsonValues.Text(form["title"]),
            Items = pageItems.SelectMany(p => p.Items).ToList(),
            Validations = items.ReadValidations(form["validations"], file),
        };
        items.CheckUniqueKeys(root.Items, "the form (keys of all pages share one level)", null);
        var declarations = ReadDeclarations(form["declarations"], file);
        var definition = new FormDefinition
        {
            Id = JsonValues.String(form["id"])!,
            Version = JsonValues.String(form["version"])!,
            Status = Enum.Parse<FormStatus>(JsonValues.String(form["status"])!, ignoreCase: true),
            Purpose = JsonValues.String(form["purpose"]) switch { "questionnaire" => FormPurpose.Questionnaire, "contactRequest" => FormPurpose.ContactRequest, _ => FormPurpose.Application },
            Languages = JsonValues.Strings(form["languages"]),
            Title = JsonValues.Text(form["title"]),
            ShortTitle = JsonValues.Text(form["shortTitle"]),
            Description = JsonValues.Text(form["description"]),
            Help = JsonValues.Text(form["help"]),
            Topic = JsonValues.String(form["topic"]),
            Keywords = JsonValues.Strings(form["keywords"]),
            LegalBasis = JsonValues.Legal(form["legalBasis"]),
            Service = ReadService(form["service"]),
            RequiredDocuments = JsonValues.Texts(form["requiredDocuments"]),
            ServiceInfo = ReadServiceInfo(form["serviceInfo"]),
            Login = ReadLogin(form["access"]),
            RequiredLevel = ReadLevel(form["access"]),
            Reauthenticate = form["access"]?["reauthenticate"]?.Type == JTokenType.Boolean && form["access"]!["reauthenticate"]!.Value<bool>(),
            Pages = pages,
            Declarations = declarations,
            Routing = ReadRouting(form["routing"], file),
            CaseFileField = JsonValues.String(form["caseFileField"]),
            Notes = JsonValues.Notes(form["notes"]),
            OperatorTodo = JsonValues.Strings(form["operatorTodo"]),
            Root = root,
            ContentHash = Hash(text, context.UsedFiles),
            SourceFile = file,
        };
        TreeLinker.Link(definition);
        DefinitionChecks.Check(definition, options, problems);
        return definition;
    }

    private static IReadOnlyList<Declaration> ReadDeclarations(JToken? token, string file) =>
        token is JArray array
            ? array.OfType<JObject>().Select(d => new Declaration(
                JsonValues.String(d["key"]) ?? "", JsonValues.Text(d["text"]), d["required"]?.Type != JTokenType.Boolean || d["required"]!.Value<bool>(),
                JsonDocumentReader.Location(d, file), JsonValues.String(d["page"]))).ToList()
            : [];

    private static IReadOnlyList<RoutingRule> ReadRouting(JToken? token, string file) =>
        token is JArray array
            ? array.OfType<JObject>().Select(r => new RoutingRule(
                ItemReader.Rule(r["when"], RuleKind.Routing, file)!, JsonValues.String(r["destination"]) ?? "", JsonValues.String(r["mode"]) == "instead")).ToList()
            : [];

    private static ServiceIdentifiers ReadService(JToken? token) =>
        token is JObject service
            ? new ServiceIdentifiers(JsonValues.Strings(service["leikaKeys"]), JsonValues.String(service["ozgId"]) is { Length: > 0 } ozg ? ozg : null, JsonValues.Fim(service["fim"]))
            : ServiceIdentifiers.None;

    private static ServiceInformation ReadServiceInfo(JToken? token) =>
        token is JObject info
            ? new ServiceInformation(
                JsonValues.Text(info["eligibility"]), JsonValues.Text(info["deadlines"]), JsonValues.Text(info["paidFrom"]),
                JsonValues.Text(info["costs"]), JsonValues.Text(info["processingTime"]), JsonValues.Text(info["afterSubmission"]))
            : ServiceInformation.None;

    private static LoginRequirement ReadLogin(JToken? token) => JsonValues.String(token?["login"]) switch
    {
        "beforeFilling" => LoginRequirement.BeforeFilling,
        "beforeSubmitting" => LoginRequirement.BeforeSubmitting,
        _ => LoginRequirement.None,
    };

    private static TrustLevel? ReadLevel(JToken? token) => JsonValues.String(token?["level"]) switch
    {
        "low" => TrustLevel.Low,
        "substantial" => TrustLevel.Substantial,
        "high" => TrustLevel.High,
        _ => null,
    };

    private static string Hash(string text, IReadOnlyDictionary<string, string> usedFiles)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(text));
        foreach (var (_, content) in usedFiles) sha.AppendData(Encoding.UTF8.GetBytes("\n\u0000" + content));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
