namespace Sozialplattform.Fim.Diagnostics;

/// <summary>
/// Every diagnostic code of the FIM import and export, with its English message template
/// (<c>{name}</c> stands for an argument). Codes are stable: tests and tools may match on them.
/// </summary>
public static class DiagnosticCodes
{
    // Reading the file
    public const string FileNotFound = "file-not-found";
    public const string FileTooLarge = "file-too-large";
    public const string DtdProhibited = "dtd-prohibited";
    public const string NotWellFormed = "xml-not-well-formed";
    public const string XmlTooDeep = "xml-too-deep";
    public const string NamespaceUnknown = "namespace-unknown";
    public const string VersionUnsupported = "version-unsupported";
    public const string NotASchema = "not-a-stammdatenschema";
    public const string XsdInvalid = "xsd-invalid";
    public const string XsdMissing = "xsd-missing";

    // Reading the schema
    public const string StructureEmpty = "structure-empty";
    public const string StructureUnknownContent = "structure-unknown-content";
    public const string CardinalityInvalid = "anzahl-invalid";
    public const string ElementIdMissing = "id-missing";
    public const string VersionMissing = "version-missing";
    public const string PrecisionRangeRead = "praezisierung-range";
    public const string PrecisionNotUnderstood = "praezisierung-not-understood";
    public const string PrecisionKeyUnknown = "praezisierung-key-unknown";
    public const string PrecisionValueInvalid = "praezisierung-value-invalid";
    public const string RuleTextMissing = "rule-text-missing";
    public const string SchemaEmpty = "schema-empty";
    public const string GroupTooDeep = "group-too-deep";

    // Mapping
    public const string KeyAdjusted = "key-adjusted";
    public const string KeyDuplicate = "key-duplicate";
    public const string DataTypeUnknown = "datentyp-unknown";
    public const string DataTypeApproximated = "datentyp-approximated";
    public const string FieldKindUnknown = "feldart-unknown";
    public const string HiddenAsReadOnly = "hidden-as-read-only";
    public const string ReadOnlyRequiredWithoutValue = "read-only-required-without-value";
    public const string SelectWithoutValues = "select-without-values";
    public const string MultipleChoiceFromPattern = "multiple-choice-from-pattern";
    public const string RepeatedFieldAsGroup = "repeated-field-as-group";
    public const string ConstraintIgnored = "constraint-ignored";
    public const string ConstraintInvalid = "constraint-invalid";
    public const string PatternNotRegex = "pattern-not-regex";
    public const string PatternInvalid = "pattern-invalid";
    public const string ContentIgnored = "inhalt-ignored";
    public const string LegalLinkInvalid = "bezug-link-invalid";
    public const string SharedBlock = "shared-block";
    public const string GroupEmpty = "group-empty";
    public const string GroupCycle = "group-cycle";
    public const string ChoiceGroupTooSmall = "auswahlgruppe-too-small";
    public const string RuleKeptAsNote = "rule-kept-as-note";
    public const string RuleTranslated = "rule-translated";

    // Code lists
    public const string CodeListMissing = "codelist-missing";
    public const string CodeListVersionMismatch = "codelist-version-mismatch";
    public const string CodeListEmpty = "codelist-empty";
    public const string CodeListFileUnreadable = "codelist-file-unreadable";
    public const string OptionCodeEmpty = "option-code-empty";
    public const string OptionCodeDuplicate = "option-code-duplicate";

    // Export
    public const string DefinitionUnreadable = "definition-unreadable";
    public const string BlockMissing = "block-missing";
    public const string ExportCodeListMissing = "export-codelist-missing";
    public const string ExportTextAdjusted = "export-text-adjusted";
    public const string ExportIdGenerated = "export-id-generated";
    public const string ExportNotRepresentable = "export-not-representable";

    public static readonly IReadOnlyDictionary<string, string> Messages = new Dictionary<string, string>
    {
        [FileNotFound] = "file not found",
        [FileTooLarge] = "the file is too large ({detail})",
        [DtdProhibited] = "DTDs are not allowed in FIM files (they enable entity expansion and external entities): {detail}",
        [NotWellFormed] = "not well-formed XML: {detail}",
        [XmlTooDeep] = "the XML is nested too deeply: {detail}",
        [NamespaceUnknown] = "root element {root} has the namespace '{namespace}', which is no XDatenfelder version we import (1, 2.0, 3.0.0)",
        [VersionUnsupported] = "{detail}",
        [NotASchema] = "root element {root} is not a Stammdatenschema message (xdatenfelder.stammdatenschema.0102)",
        [XsdInvalid] = "XSD: {detail}",
        [XsdMissing] = "no XSD for {version} in '{directory}' (use --xsd <dir>)",
        [StructureEmpty] = "a struktur without enthaelt was skipped",
        [StructureUnknownContent] = "a struktur contains {element}, neither datenfeld nor datenfeldgruppe; skipped",
        [CardinalityInvalid] = "anzahl '{anzahl}' is not min:max; read as 1:1",
        [ElementIdMissing] = "{element} without id; named after its line",
        [VersionMissing] = "no version; {used} is used",
        [PrecisionRangeRead] = "praezisierung '{value}' read as minValue..maxValue",
        [PrecisionNotUnderstood] = "praezisierung '{value}' is neither JSON nor a range; kept as a note",
        [PrecisionKeyUnknown] = "praezisierung key '{key}' is unknown; ignored",
        [PrecisionValueInvalid] = "praezisierung {key} '{value}' is not a whole number; ignored",
        [RuleTextMissing] = "rule without definition/freitextRegel text",
        [GroupTooDeep] = "group {group} is nested {depth} groups deep; the limit is {limit} (real Stammdatenschemata nest at most 5)",
        [SchemaEmpty] = "the Stammdatenschema has no struktur; the form has one empty page",
        [KeyAdjusted] = "the id is no JavaScript identifier; key '{key}' is used",
        [KeyDuplicate] = "the element appears more than once among its siblings; this use has key '{key}'",
        [DataTypeUnknown] = "datentyp '{datentyp}' is unknown; imported as a text field",
        [DataTypeApproximated] = "datentyp '{datentyp}' has no field type yet; imported as '{type}' (kept in a note)",
        [FieldKindUnknown] = "feldart '{feldart}' is unknown; imported as input",
        [HiddenAsReadOnly] = "feldart hidden: imported as a read-only field with its preset value (hidden answers would be dropped)",
        [ReadOnlyRequiredWithoutValue] = "feldart {feldart} with anzahl 1:1 but no inhalt: nobody could fill it in, so it is imported as optional (the export keeps 1:1)",
        [SelectWithoutValues] = "select field without werte or code list; imported as a text field",
        [MultipleChoiceFromPattern] = "praezisierung pattern 'Mehrfachauswahl': imported as multiple choice",
        [RepeatedFieldAsGroup] = "field with anzahl {anzahl}: imported as a repeating group holding the field",
        [ConstraintIgnored] = "{constraints} do not apply to a {type} field; ignored",
        [ConstraintInvalid] = "{key} '{value}' is not valid here; ignored",
        [PatternNotRegex] = "pattern '{pattern}' is a description, not a regular expression; kept as a note",
        [PatternInvalid] = "pattern '{pattern}' is no valid regular expression ({detail}); kept as a note",
        [ContentIgnored] = "inhalt '{value}' is no {type} value; not used as default",
        [LegalLinkInvalid] = "bezug link '{link}' is no absolute URI; the text is kept without it",
        [SharedBlock] = "used in several places: shared block {block}",
        [GroupEmpty] = "group without children",
        [GroupCycle] = "group contains itself; the inner use is skipped",
        [ChoiceGroupTooSmall] = "Auswahlgruppe (art X) with fewer than two children; no exactly-one rule",
        [RuleKeptAsNote] = "rule kept as a note on {owner}: {detail}",
        [RuleTranslated] = "rule on {owner} {detail}; its text is kept as a note",
        [CodeListMissing] = "code list {list} not found (no genericode file with it; use --codelists <dir>); the field is imported as a text field",
        [CodeListVersionMismatch] = "code list {list} version {version} not found; version {found} from {file} is used",
        [CodeListEmpty] = "code list in {file} has no usable rows; the field is imported as a text field",
        [CodeListFileUnreadable] = "genericode file {file} cannot be read: {detail}",
        [OptionCodeEmpty] = "value '{name}' without code; skipped",
        [OptionCodeDuplicate] = "code '{code}' appears twice; the second is skipped",
        [DefinitionUnreadable] = "{detail}",
        [BlockMissing] = "block {block} not found in the catalog",
        [ExportCodeListMissing] = "code list {list} not found in the catalog; the reference is exported without values",
        [ExportTextAdjusted] = "{count} character(s) outside String.Latin were replaced in '{text}'",
        [ExportIdGenerated] = "{path} has no FIM id; {id} is used",
        [ExportNotRepresentable] = "{detail}",
    };
}
