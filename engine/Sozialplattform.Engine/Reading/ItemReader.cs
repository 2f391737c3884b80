using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Definitions;
using static Sozialplattform.Engine.Definitions.ProblemArgument;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Reading;

/// <summary>Reads the items of a page, group or block: fields and groups, expanding building blocks.</summary>
internal sealed class ItemReader(ReadContext context)
{
    private static readonly HashSet<string> CommonFieldProperties =
    [
        "key", "type", "label", "hint", "help", "outputLabel", "placeholder", "legalBasis", "required", "softRequired", "requiredIf",
        "visibleIf", "readOnly", "readOnlyIf", "value", "default", "messages", "validations", "fim", "notes", "autocomplete",
        "prefill", "prefillEditable",
    ];

    private static readonly HashSet<string> GroupProperties =
        ["key", "type", "title", "hint", "help", "legalBasis", "visibleIf", "validations", "repeat", "block", "items", "fim", "notes"];

    private static readonly HashSet<string> BlockUseProperties =
        ["key", "type", "title", "hint", "help", "legalBasis", "visibleIf", "validations", "repeat", "block", "fim", "notes"];

    private ProblemList Problems => context.Problems;

    public List<ElementDefinition> ReadItems(JToken? items, string file)
    {
        var result = new List<ElementDefinition>();
        if (items is not JArray array) return result;
        foreach (var item in array.OfType<JObject>())
            if (ReadItem(item, file) is { } element) result.Add(element);
        return result;
    }

    private ElementDefinition? ReadItem(JObject item, string file)
    {
        var type = JsonValues.String(item["type"]) ?? "";
        return type == "group" ? ReadGroup(item, file) : ReadField(item, type, file);
    }

    private GroupDefinition? ReadGroup(JObject item, string file)
    {
        var location = JsonDocumentReader.Location(item, file);
        var key = JsonValues.String(item["key"]) ?? "";
        var block = JsonValues.String(item["block"]);
        CheckProperties(item, block is null ? GroupProperties : BlockUseProperties, block is null ? "groups" : "groups that use a block", file,
            block is null ? DefinitionProblemCodes.PropertyNotAllowedGroup : DefinitionProblemCodes.PropertyNotAllowedBlockUse);

        var title = JsonValues.Text(item["title"]);
        var hint = JsonValues.Text(item["hint"]);
        var help = JsonValues.Text(item["help"]);
        var legal = JsonValues.Legal(item["legalBasis"]);
        var validations = ReadValidations(item["validations"], file);
        var fim = JsonValues.Fim(item["fim"]);
        var notes = JsonValues.Notes(item["notes"]);
        List<ElementDefinition> items;

        if (block is not null)
        {
            var found = context.FindBlock(block, location);
            if (found is null || context.BlockStack.Contains(block))
            {
                if (found is not null)
                    Problems.Error(DefinitionProblemCodes.BlockCycle, $"building block '{block}' uses itself: {string.Join(" → ", context.BlockStack.Append(block))}", location, block, string.Join(" → ", context.BlockStack.Append(block)));
                return null;
            }

            var (blockJson, blockFile) = found.Value;
            context.BlockStack.Add(block);
            items = ReadItems(blockJson["items"], blockFile);
            context.BlockStack.RemoveAt(context.BlockStack.Count - 1);
            if (title.IsEmpty) title = JsonValues.Text(blockJson["title"]);
            if (hint.IsEmpty) hint = JsonValues.Text(blockJson["hint"]);
            if (help.IsEmpty) help = JsonValues.Text(blockJson["help"]);
            if (legal.Count == 0) legal = JsonValues.Legal(blockJson["legalBasis"]);
            validations = [.. ReadValidations(blockJson["validations"], blockFile), .. validations];
            fim ??= JsonValues.Fim(blockJson["fim"]);
            notes = [.. JsonValues.Notes(blockJson["notes"]), .. notes];
        }
        else
        {
            if (item["items"] is null) Problems.Error(DefinitionProblemCodes.GroupItems, $"group '{key}' needs 'items' or a 'block'", location, key);
            items = ReadItems(item["items"], file);
        }

        CheckUniqueKeys(items, $"group '{key}'", key);
        return new GroupDefinition
        {
            Key = key,
            Location = location,
            Title = title,
            Hint = hint,
            Help = help,
            LegalBasis = legal,
            VisibleIf = Rule(item["visibleIf"], RuleKind.Visible, file),
            Validations = validations,
            Fim = fim,
            Notes = notes,
            Items = items,
            Repeat = ReadRepeat(item["repeat"], key, location),
            Block = block,
        };
    }

    private FieldDefinition? ReadField(JObject item, string typeName, string file)
    {
        var location = JsonDocumentReader.Location(item, file);
        var key = JsonValues.String(item["key"]) ?? "";
        var type = context.FieldTypes.Find(typeName);
        if (type is null)
        {
            var known = string.Join(", ", context.FieldTypes.All.Select(t => t.Name).Append("group"));
            Problems.Error(DefinitionProblemCodes.UnknownFieldType, $"field '{key}' has unknown type '{typeName}'; known types: {known}", JsonDocumentReader.Location(item["type"]!, file), key, typeName, known);
            return null;
        }

        CheckProperties(item, new HashSet<string>([.. CommonFieldProperties, .. type.Properties]), $"fields of type '{typeName}'", file, DefinitionProblemCodes.PropertyNotAllowedField, typeName);
        var codeListReference = JsonValues.String(item["codeList"]);
        var options = JsonValues.Options(item["options"]);
        if (codeListReference is not null && item["options"] is not null)
            Problems.Error(DefinitionProblemCodes.OptionsAndCodeList, $"field '{key}' has both 'options' and 'codeList'; use one", location, key);
        else if (codeListReference is not null)
            options = context.FindCodeList(codeListReference, JsonDocumentReader.Location(item["codeList"]!, file))?.Items ?? [];
        else if (type.Properties.Contains("options") && item["options"] is null)
            Problems.Error(DefinitionProblemCodes.OptionsMissing, $"field '{key}' of type '{typeName}' needs 'options' or a 'codeList'", location, key, typeName);

        var field = new FieldDefinition
        {
            Key = key,
            Location = location,
            Type = type,
            Label = JsonValues.Text(item["label"]),
            Text = JsonValues.Text(item["text"]),
            Hint = JsonValues.Text(item["hint"]),
            Help = JsonValues.Text(item["help"]),
            OutputLabel = JsonValues.Text(item["outputLabel"]),
            Placeholder = JsonValues.Text(item["placeholder"]),
            Unit = JsonValues.Text(item["unit"]),
            LegalBasis = JsonValues.Legal(item["legalBasis"]),
            Required = JsonValues.Bool(item["required"]),
            SoftRequired = JsonValues.Bool(item["softRequired"]),
            RequiredIf = Rule(item["requiredIf"], RuleKind.Required, file),
            VisibleIf = Rule(item["visibleIf"], RuleKind.Visible, file),
            ReadOnly = JsonValues.Bool(item["readOnly"]),
            ReadOnlyIf = Rule(item["readOnlyIf"], RuleKind.ReadOnly, file),
            Value = Rule(item["value"], RuleKind.Value, file),
            Default = ReadContext.ToJsonNode(item["default"]),
            MinLength = JsonValues.Int(item["minLength"]),
            MaxLength = JsonValues.Int(item["maxLength"]),
            Pattern = ReadPattern(item["pattern"], key, file),
            Min = ReadBound(item["min"]),
            Max = ReadBound(item["max"]),
            Decimals = JsonValues.Int(item["decimals"]),
            Options = options,
            CodeListReference = codeListReference,
            Display = JsonValues.String(item["display"]),
            MinSelected = JsonValues.Int(item["minSelected"]),
            MaxSelected = JsonValues.Int(item["maxSelected"]),
            Accept = JsonValues.Strings(item["accept"]),
            MaxSize = JsonValues.Long(item["maxSize"]),
            MaxFiles = JsonValues.Int(item["maxFiles"]),
            Rows = JsonValues.Int(item["rows"]),
            International = JsonValues.Bool(item["international"]),
            Autocomplete = JsonValues.String(item["autocomplete"]),
            Prefill = JsonValues.String(item["prefill"]),
            PrefillEditable = item["prefillEditable"]?.Type != JTokenType.Boolean || item["prefillEditable"]!.Value<bool>(),
            Messages = item["messages"] is JObject messages ? messages.Properties().ToDictionary(p => p.Name, p => JsonValues.Text(p.Value)) : new Dictionary<string, LocalizedText>(),
            Validations = ReadValidations(item["validations"], file),
            Fim = JsonValues.Fim(item["fim"]),
            Notes = JsonValues.Notes(item["notes"]),
        };
        FieldDefinitionChecks.Check(field, Problems);
        return field;
    }

    public IReadOnlyList<ValidationDefinition> ReadValidations(JToken? token, string file) =>
        token is JArray array
            ? array.OfType<JObject>().Select(v => new ValidationDefinition(
                new RuleSource(JsonValues.String(v["when"]) ?? "", RuleKind.Validation, JsonDocumentReader.Location(v["when"] ?? v, file)),
                JsonValues.Text(v["message"]),
                JsonValues.String(v["code"]) ?? "validation",
                JsonValues.String(v["field"]),
                JsonValues.String(v["level"]) == "warning" ? Severity.Warning : Severity.Error)).ToList()
            : [];

    public static RuleSource? Rule(JToken? token, RuleKind kind, string file) =>
        JsonValues.String(token) is { } expression ? new RuleSource(expression, kind, JsonDocumentReader.Location(token!, file)) : null;

    /// <param name="groupKey">The group's key; null for the form's top level.</param>
    public void CheckUniqueKeys(IEnumerable<ElementDefinition> items, string where, string? groupKey)
    {
        foreach (var duplicate in items.GroupBy(i => i.Key).Where(g => g.Count() > 1))
        {
            var message = $"key '{duplicate.Key}' is used {duplicate.Count()} times in {where}; keys must be unique among siblings";
            if (groupKey is null) Problems.Error(DefinitionProblemCodes.DuplicateKeyInForm, message, duplicate.Last().Location, duplicate.Key, Invariant(duplicate.Count()));
            else Problems.Error(DefinitionProblemCodes.DuplicateKeyInGroup, message, duplicate.Last().Location, duplicate.Key, Invariant(duplicate.Count()), groupKey);
        }
    }

    /// <param name="type">The field type, for <see cref="DefinitionProblemCodes.PropertyNotAllowedField"/>; null for groups.</param>
    private void CheckProperties(JObject item, IReadOnlySet<string> allowed, string what, string file, string problem, string? type = null)
    {
        foreach (var property in item.Properties())
            if (!allowed.Contains(property.Name))
                Problems.Error(problem, $"property '{property.Name}' does not apply to {what}", JsonDocumentReader.Location(property, file),
                    type is null ? [property.Name] : [property.Name, type]);
    }

    private RepeatSettings? ReadRepeat(JToken? token, string key, SourceLocation location)
    {
        if (token is not JObject repeat) return null;
        var min = JsonValues.Int(repeat["min"]) ?? 0;
        var max = JsonValues.Int(repeat["max"]) ?? 100;
        if (min > max) Problems.Error(DefinitionProblemCodes.RepeatRange, $"group '{key}': repeat.min ({min}) is greater than repeat.max ({max})", location, key, Invariant(min), Invariant(max));
        return new RepeatSettings(min, max, JsonValues.Text(repeat["addLabel"]), JsonValues.Text(repeat["rowLabel"]));
    }

    private Regex? ReadPattern(JToken? token, string key, string file)
    {
        if (JsonValues.String(token) is not { } pattern) return null;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException error)
        {
            Problems.Error(DefinitionProblemCodes.PatternInvalid, $"field '{key}': pattern is not a valid regular expression: {error.Message}", JsonDocumentReader.Location(token!, file), key, error.Message);
            return null;
        }
    }

    private static Bound? ReadBound(JToken? token) => token switch
    {
        null => null,
        { Type: JTokenType.Integer or JTokenType.Float } => new Bound(token.Value<decimal>(), null, token.ToString()),
        { Type: JTokenType.String } => new Bound(null, DateBound.TryParse(token.Value<string>()!, out var date) ? date : null, token.Value<string>()!),
        _ => new Bound(null, null, token.ToString()),
    };
}
