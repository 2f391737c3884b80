using System.Reflection;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Definitions;

/// <summary>The names of a problem's arguments, in order (see <see cref="DefinitionProblem.Arguments"/>).</summary>
/// <remarks>
/// Names the designer reads: <c>key</c> (an element's key; shown as its label where the lint finds the element),
/// <c>path</c> (an element's answer path, likewise), <c>rule kind</c> (visible, required, readonly, value, validation,
/// routing).
/// </remarks>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ProblemArgumentsAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}

/// <summary>
/// Every problem a definition can have (<see cref="DefinitionProblem.Key"/>), with its arguments. The command line prints
/// the code (the part before a dot) and the English message; the designer turns key and arguments into German or
/// English (<c>designer/…/Lint/Texts/engine.&lt;lang&gt;.json</c>), and a test there fails for a key without a text.
/// </summary>
public static class DefinitionProblemCodes
{
    // reading the file
    [ProblemArguments] public const string FileMissing = "file.missing";
    [ProblemArguments("megabytes")] public const string FileTooLarge = "file.too-large";
    [ProblemArguments("parser message")] public const string JsonSyntax = "json.syntax";
    [ProblemArguments] public const string JsonTrailingContent = "json.trailing-content";

    // the JSON Schema (property: the property's name or JSON path, empty for the document itself)
    [ProblemArguments] public const string SchemaNotObject = "schema.not-object";
    [ProblemArguments("property", "expected types")] public const string SchemaType = "schema.type";
    [ProblemArguments("property", "allowed values")] public const string SchemaEnum = "schema.enum";
    [ProblemArguments("property", "minimum")] public const string SchemaMinimum = "schema.minimum";
    [ProblemArguments("property", "maximum")] public const string SchemaMaximum = "schema.maximum";
    [ProblemArguments("property")] public const string SchemaRequired = "schema.required";
    [ProblemArguments("property")] public const string SchemaEmpty = "schema.empty";
    [ProblemArguments("property")] public const string SchemaNotAllowed = "schema.not-allowed";
    [ProblemArguments("property", "minimum entries")] public const string SchemaMinItems = "schema.min-items";
    [ProblemArguments("property")] public const string SchemaUnique = "schema.unique";
    [ProblemArguments("property")] public const string SchemaMinLength = "schema.min-length";
    [ProblemArguments("property", "maximum length")] public const string SchemaMaxLength = "schema.max-length";
    [ProblemArguments("value", "pattern")] public const string SchemaPattern = "schema.pattern";

    // items, blocks and code lists
    [ProblemArguments("key", "type", "known types")] public const string UnknownFieldType = "unknown-field-type";
    [ProblemArguments("key")] public const string GroupItems = "group-items";
    [ProblemArguments("key")] public const string OptionsAndCodeList = "options-and-code-list";
    [ProblemArguments("key", "type")] public const string OptionsMissing = "options-missing";
    [ProblemArguments("key", "count")] public const string DuplicateKeyInForm = "duplicate-key.form";
    [ProblemArguments("key", "count", "group key")] public const string DuplicateKeyInGroup = "duplicate-key.group";
    [ProblemArguments("declaration key")] public const string DuplicateKeyDeclarationItem = "duplicate-key.declaration-item";
    [ProblemArguments("declaration key")] public const string DuplicateKeyDeclaration = "duplicate-key.declaration";
    [ProblemArguments("property")] public const string PropertyNotAllowedGroup = "property-not-allowed.group";
    [ProblemArguments("property")] public const string PropertyNotAllowedBlockUse = "property-not-allowed.block-use";
    [ProblemArguments("property", "type")] public const string PropertyNotAllowedField = "property-not-allowed.field";
    [ProblemArguments("key", "min", "max")] public const string RepeatRange = "repeat-range";
    [ProblemArguments("key", "error")] public const string PatternInvalid = "pattern-invalid";
    [ProblemArguments("block", "chain")] public const string BlockCycle = "block-cycle";
    [ProblemArguments("block")] public const string BlockNotFound = "block-not-found";
    [ProblemArguments("block", "file")] public const string BlockNotFoundFile = "block-not-found.file";
    [ProblemArguments("file", "declared", "block")] public const string BlockId = "block-id";
    [ProblemArguments("code list")] public const string DuplicateCodeList = "duplicate-code-list";
    [ProblemArguments("code list")] public const string CodeListNotFound = "code-list-not-found";
    [ProblemArguments("code list", "file")] public const string CodeListNotFoundFile = "code-list-not-found.file";
    [ProblemArguments("file", "declared", "code list")] public const string CodeListId = "code-list-id";

    // one field
    [ProblemArguments("key")] public const string LabelMissing = "label-missing";
    [ProblemArguments("key", "minLength", "maxLength")] public const string LengthRange = "length-range";
    [ProblemArguments("key", "bound")] public const string NumberBound = "number-bound";
    [ProblemArguments("key", "min", "max")] public const string ValueRange = "value-range";
    [ProblemArguments("key")] public const string SelectionRange = "selection-range";
    [ProblemArguments("key", "prefill", "attributes")] public const string PrefillUnknown = "prefill-unknown";
    [ProblemArguments("key")] public const string PrefillAddressOnly = "prefill-unknown.address-only";
    [ProblemArguments("key", "prefill")] public const string PrefillNotAddress = "prefill-unknown.not-address";
    [ProblemArguments("key")] public const string ComputedDefault = "computed-default";
    [ProblemArguments("key")] public const string RequiredTwice = "required-twice";
    [ProblemArguments("key", "default", "type", "error code")] public const string DefaultInvalid = "default-invalid";
    [ProblemArguments("key", "bound")] public const string DateBound = "date-bound";
    [ProblemArguments("key")] public const string InfoText = "info-text";
    [ProblemArguments("key")] public const string InfoAnswer = "info-answer";
    [ProblemArguments("key", "option code")] public const string DuplicateOption = "duplicate-option";

    // the whole form
    [ProblemArguments("page id", "count")] public const string DuplicatePage = "duplicate-page";
    [ProblemArguments("key")] public const string ReservedKey = "reserved-key";
    [ProblemArguments("path")] public const string PrefillNestedRepeat = "prefill-nested-repeat";
    [ProblemArguments("declaration key", "page id")] public const string UnknownPage = "unknown-page";
    [ProblemArguments] public const string AccessWithoutLogin = "access-without-login";
    [ProblemArguments("path")] public const string CaseFileField = "case-file-field";
    [ProblemArguments("language")] public const string SourceLanguage = "source-language";

    // translations (count: how many texts lack the language; the rest names the first of them)
    [ProblemArguments("language", "count")] public const string TranslationMissingTitle = "translation-missing.title";
    [ProblemArguments("language", "count", "page id")] public const string TranslationMissingPageTitle = "translation-missing.page-title";
    [ProblemArguments("language", "count", "path")] public const string TranslationMissingLabel = "translation-missing.label";
    [ProblemArguments("language", "count", "path")] public const string TranslationMissingHint = "translation-missing.hint";
    [ProblemArguments("language", "count", "option code", "path")] public const string TranslationMissingOption = "translation-missing.option";
    [ProblemArguments("language", "count", "path")] public const string TranslationMissingValidation = "translation-missing.validation";
    [ProblemArguments("language", "count", "property")] public const string TranslationMissingServiceInfo = "translation-missing.service-info";
    [ProblemArguments("language", "count", "declaration key")] public const string TranslationMissingDeclaration = "translation-missing.declaration";

    // rules (rule: the expression, shortened to 60 characters)
    [ProblemArguments("rule kind", "rule", "line", "column", "parser message")] public const string RuleSyntax = "rule-syntax";
    [ProblemArguments("rule kind", "rule", "name")] public const string RuleNonDeterministic = RuleHazards.NonDeterministic;
    [ProblemArguments("rule kind", "rule", "name")] public const string RuleChangesBuiltIns = RuleHazards.ChangesBuiltIns;
    [ProblemArguments("rule kind", "rule", "name")] public const string RuleAssignment = "rule-assignment";
    [ProblemArguments("rule kind", "rule", "name")] public const string RuleRow = "rule-row";
    [ProblemArguments("rule kind", "rule", "name")] public const string RuleUnknownName = "rule-unknown-name";
    [ProblemArguments("rule kind", "rule", "group path", "name")] public const string RuleUnknownMember = "rule-unknown-name.member";
    [ProblemArguments("rule kind", "rule", "name")] public const string RuleForbidden = "rule-forbidden";
    [ProblemArguments("path", "key")] public const string ValidationField = "validation-field";
    [ProblemArguments("cycle")] public const string RuleCycle = "rule-cycle";

    /// <summary>Every key with the names of its arguments, read from the constants above.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments { get; } =
        typeof(DefinitionProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.GetCustomAttribute<ProblemArgumentsAttribute>()?.Names ?? []);
}

internal static class ProblemArgument
{
    public static string Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
