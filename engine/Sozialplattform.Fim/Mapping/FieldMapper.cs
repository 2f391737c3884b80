using Sozialplattform.Fim.CodeLists;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// One use of a <c>Datenfeld</c> → an item: <c>feldart</c> and <c>datentyp</c> decide the type, the usage's
/// <c>anzahl</c> decides required and repetition (files: <c>maxFiles</c>, selects: <c>multiChoice</c>, other fields:
/// a repeating group around the field), <c>praezisierung</c> the constraints.
/// </summary>
public sealed class FieldMapper(MappingContext context)
{
    /// <summary><c>maxFiles</c> for an upload field with <c>anzahl</c> max <c>*</c>; the export writes <c>*</c> back for it.</summary>
    public const int UnboundedFiles = 100;

    private readonly ConstraintMapper _constraints = new(context.Diagnostics);
    private readonly DefaultValueMapper _defaults = new(context.Diagnostics);

    public ItemDocument Map(FimUsage usage, FimField field, string key)
    {
        var item = field.FieldKind switch
        {
            "label" => Label(field, key),
            "select" => Select(usage, field, key),
            _ => Input(usage, field, key),
        };
        item.Fim = FimReference.From(field.Identity);
        item.LegalBasis = LegalBasisMapper.Map(field.LegalReferences.Concat(usage.LegalReferences), field.Identity, usage.Line, context.Diagnostics);
        item.Notes = [.. item.Notes ?? [], .. context.Rules.Notes(field.Rules)];
        if (item.Notes.Count == 0) item.Notes = null;
        return NeedsRepeatingGroup(item, usage.Cardinality) ? WrapInRepeatingGroup(item, usage) : item;
    }

    private ItemDocument Label(FimField field, string key) => new()
    {
        Key = key,
        Type = ItemTypes.Info,
        Text = LocalizedText.De(field.Content) ?? LocalizedText.De(field.DisplayLabel),
    };

    private ItemDocument Select(FimUsage usage, FimField field, string key)
    {
        var line = field.Line;
        var options = OptionsBuilder.Build(field.Values, field.Identity, line, context.Diagnostics);
        var codeList = options.Count == 0 && field.CodeList is { } reference ? context.CodeLists.Resolve(field, reference, line) : null;
        var multiple = usage.Cardinality.IsRepeatable || field.Precision.Pattern == "Mehrfachauswahl";
        if (options.Count == 0 && codeList is null) return SelectWithoutValues(usage, field, key);

        var item = Texts(new ItemDocument { Key = key, Type = multiple ? ItemTypes.MultiChoice : ItemTypes.Choice }, field);
        item.Options = options.Count > 0 ? options : null;
        item.CodeList = codeList;
        item.Required = usage.Cardinality.IsRequired ? true : null;
        if (multiple)
        {
            if (field.Precision.Pattern == "Mehrfachauswahl")
                context.Diagnostics.Info(DiagnosticCodes.MultipleChoiceFromPattern, field.Identity, line);
            item.MinSelected = usage.Cardinality.Min > 1 ? usage.Cardinality.Min : null;
            item.MaxSelected = usage.Cardinality.Max > 1 ? usage.Cardinality.Max : null;
        }

        _constraints.Apply(item, field.Precision with { Pattern = multiple ? null : field.Precision.Pattern }, field.Identity, line);
        item.Default = multiple ? null : _defaults.Map(field.Content, item.Type, field.Identity, line);
        return item;
    }

    /// <summary>A select without values (its list was not found, or it names none) becomes a text field: nothing is checked, nothing is lost.</summary>
    private ItemDocument SelectWithoutValues(FimUsage usage, FimField field, string key)
    {
        var item = Input(usage, field, key);
        if (field.CodeList is { } reference)
            item.Notes = [.. item.Notes ?? [], new NoteDocument(
                $"Code list {reference} was not available at import: the field is a text field until the list is supplied (--codelists).",
                FimNoteSources.MissingCodeList,
                new FimReference(reference.CanonicalUri ?? reference.ListId ?? reference.CanonicalVersionUri!, reference.Version))];
        else
            context.Diagnostics.Warning(DiagnosticCodes.SelectWithoutValues, field.Identity, field.Line);
        return item;
    }

    private ItemDocument Input(FimUsage usage, FimField field, string key)
    {
        var line = field.Line;
        var choice = FieldTypeMapper.ForDataType(field.DataType, field.Precision.MaxLength);
        var item = Texts(new ItemDocument { Key = key, Type = choice.Type }, field);
        if (choice.Unknown) context.Diagnostics.Warning(DiagnosticCodes.DataTypeUnknown, field.Identity, line, ("datentyp", field.DataType));
        if (choice.Approximated || choice.Unknown)
        {
            if (choice.Approximated && field.DataType != "text_latin")
                context.Diagnostics.Warning(DiagnosticCodes.DataTypeApproximated, field.Identity, line, ("datentyp", field.DataType), ("type", choice.Type));
            item.Notes = [new NoteDocument($"FIM datentyp '{field.DataType}' imported as '{choice.Type}'.", FimNoteSources.DataType(field.DataType))];
        }

        if (field.FieldKind is not ("input" or "hidden" or "locked" or "select"))
            context.Diagnostics.Warning(DiagnosticCodes.FieldKindUnknown, field.Identity, line, ("feldart", field.FieldKind));
        item.Required = usage.Cardinality.IsRequired ? true : null;
        _constraints.Apply(item, field.Precision, field.Identity, line);
        item.Pattern ??= choice.Pattern;
        if (item.Type == ItemTypes.File) ApplyFile(item, usage.Cardinality, field);
        if (field.FieldKind is "hidden" or "locked") MakeReadOnly(item, field);
        else item.Default = _defaults.Map(field.Content, item.Type, field.Identity, line);
        if (item.ReadOnly == true && item.Required == true && item.Default is null) KeepRequiredWithoutValueAsNote(item, field);
        return item;
    }

    /// <summary>
    /// A read-only field without a preset value that FIM marks as required can never be filled in: the citizen could not
    /// pass its page. It is imported as optional; the note keeps the FIM <c>anzahl</c> for the export.
    /// </summary>
    private void KeepRequiredWithoutValueAsNote(ItemDocument item, FimField field)
    {
        item.Required = null;
        context.Diagnostics.Warning(DiagnosticCodes.ReadOnlyRequiredWithoutValue, field.Identity, field.Line, ("feldart", field.FieldKind));
        item.Notes = [.. item.Notes ?? [], new NoteDocument(
            $"FIM feldart '{field.FieldKind}' without inhalt, anzahl 1:1: imported as optional, because nobody can fill it in.", FimNoteSources.RequiredWithoutValue)];
    }

    private void MakeReadOnly(ItemDocument item, FimField field)
    {
        item.ReadOnly = true;
        item.Default = _defaults.Map(field.Content, item.Type, field.Identity, field.Line);
        if (field.FieldKind != "hidden") return;
        // Hidden answers are dropped by our engine, so a hidden FIM value stays visible, read-only, with its preset value.
        context.Diagnostics.Info(DiagnosticCodes.HiddenAsReadOnly, field.Identity, field.Line);
        item.Notes = [.. item.Notes ?? [], new NoteDocument("FIM feldart 'hidden': shown read-only with its preset value.", FimNoteSources.Hidden)];
    }

    private static void ApplyFile(ItemDocument item, FimCardinality cardinality, FimField field)
    {
        if (cardinality.IsRepeatable) item.MaxFiles = cardinality.Max ?? UnboundedFiles;
        item.MaxSize = field.MaxSize;
        item.Accept = field.MediaTypes.Count > 0 ? field.MediaTypes.Select(m => m.ToLowerInvariant()).ToList() : null;
    }

    private static ItemDocument Texts(ItemDocument item, FimField field)
    {
        item.Label = LocalizedText.De(field.DisplayLabel);
        item.Help = LocalizedText.De(field.InputHelp);
        if (field.OutputLabel.Length > 0 && field.OutputLabel != field.DisplayLabel) item.OutputLabel = LocalizedText.De(field.OutputLabel);
        return item;
    }

    private static bool NeedsRepeatingGroup(ItemDocument item, FimCardinality cardinality) =>
        cardinality.IsRepeatable && item.Type is not (ItemTypes.File or ItemTypes.MultiChoice or ItemTypes.Info);

    /// <summary>A repeated field (e.g. <c>Anschriftzeile</c> 2:5) is a list of rows with the field, under the same key.</summary>
    private ItemDocument WrapInRepeatingGroup(ItemDocument field, FimUsage usage)
    {
        var cardinality = usage.Cardinality;
        context.Diagnostics.Info(DiagnosticCodes.RepeatedFieldAsGroup, usage.Element.Identity, usage.Line, ("anzahl", cardinality.ToString()));
        var group = new ItemDocument
        {
            Key = field.Key,
            Type = ItemTypes.Group,
            Title = field.Label,
            Repeat = RepeatMapper.From(cardinality),
            Items = [field],
            Fim = field.Fim,
        };
        field.Required = true;
        return group;
    }
}
