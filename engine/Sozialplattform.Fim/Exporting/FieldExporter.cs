using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Mapping;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// A field item → a FIM <c>Datenfeld</c>: type → <c>feldart</c>/<c>datentyp</c> (the import's <c>fim:</c> notes restore
/// what our types only approximate), constraints → <c>praezisierung</c>, options → <c>werte</c>, a code list → <c>codelisteReferenz</c>.
/// </summary>
public sealed partial class FieldExporter(LoadedDefinition definition, DiagnosticBag diagnostics, RuleExporter rules)
{
    private static readonly HashSet<string> Xdf3DataTypes = ["text", "text_latin", "date", "time", "datetime", "bool", "num", "num_int", "num_currency", "file", "obj"];
    private readonly SortedDictionary<string, CodeListDocument> _codeLists = new(StringComparer.Ordinal);

    public IReadOnlyList<CodeListDocument> ReferencedCodeLists => _codeLists.Values.ToList();

    /// <summary>The <c>anzahl</c> of a field: required, and for multiple choices and uploads how many.</summary>
    public static FimCardinality Cardinality(ItemDocument item)
    {
        var min = item.Required == true || HasNote(item, FimNoteSources.RequiredWithoutValue) ? 1 : 0;
        return item.Type switch
        {
            ItemTypes.MultiChoice => new FimCardinality(item.MinSelected ?? min, item.MaxSelected),
            ItemTypes.File => new FimCardinality(min, item.MaxFiles is null ? 1 : item.MaxFiles >= FieldMapper.UnboundedFiles ? null : item.MaxFiles),
            ItemTypes.Info => FimCardinality.RequiredOnce,
            _ => new FimCardinality(min, 1),
        };
    }

    public FimField Field(ItemDocument item, FimIdentity identity, string path)
    {
        var label = item.Label?.German ?? (item.Type == ItemTypes.Info ? FirstLine(item.Text?.German) : null) ?? item.Key;
        return new FimField
        {
            Header = new FimElementHeader(identity, 0, label, label, item.OutputLabel?.German ?? "", item.Help?.German ?? "",
                Rules: [.. rules.FromNotes(item.Notes), .. rules.FromExpressions(path, identity, item.Key, item.VisibleIf, item.RequiredIf, item.Value, item.Validations)]),
            FieldKind = FieldKind(item),
            DataType = DataType(item, identity),
            Precision = Precision(item),
            Content = item.Type == ItemTypes.Info ? item.Text?.German ?? "" : Text(item.Default),
            Values = (item.Options ?? []).Select(o => new FimValue(o.Code, o.Label.German, o.Hint?.German)).ToList(),
            CodeList = CodeList(item, identity),
            HelpKey = item.CodeList is { } reference && definition.CodeList(reference)?.Items.Any(i => i.Hint is not null) == true ? GenericodeWriter.HelpColumn : null,
            MaxSize = item.MaxSize,
            MediaTypes = MediaTypes(item, identity),
        };
    }

    private static string FieldKind(ItemDocument item)
    {
        if (item.Type == ItemTypes.Info) return "label";
        if (item.Type is ItemTypes.Choice or ItemTypes.MultiChoice || HasNote(item, FimNoteSources.MissingCodeList)) return "select";
        if (item.ReadOnly == true) return HasNote(item, FimNoteSources.Hidden) ? "hidden" : "locked";
        return "input";
    }

    private string DataType(ItemDocument item, FimIdentity identity)
    {
        var kept = item.Notes?.Select(n => n.Source).FirstOrDefault(s => s?.StartsWith(FimNoteSources.DataTypePrefix, StringComparison.Ordinal) == true);
        if (kept is not null && Xdf3DataTypes.Contains(kept[FimNoteSources.DataTypePrefix.Length..])) return kept[FimNoteSources.DataTypePrefix.Length..];
        switch (item.Type)
        {
            case ItemTypes.Integer: return "num_int";
            case ItemTypes.Decimal: return "num";
            case ItemTypes.Money: return "num_currency";
            case ItemTypes.Date: return "date";
            case ItemTypes.YesNo: return "bool";
            case ItemTypes.File: return "file";
            case ItemTypes.Text or ItemTypes.Textarea or ItemTypes.Choice or ItemTypes.MultiChoice or ItemTypes.Info
                or "email" or "phone" or "postalCode" or "iban" or "bic":
                return "text";
            default:
                diagnostics.Warning(DiagnosticCodes.ExportNotRepresentable, identity, null, ("detail", $"field type '{item.Type}' of {item.Key} has no XDatenfelder equivalent; exported as text"));
                return "text";
        }
    }

    private static FimPrecision Precision(ItemDocument item)
    {
        var unparsed = item.Notes?.Where(n => n.Source == FimNoteSources.Precision).Select(n => n.Text).ToList() ?? [];
        return new FimPrecision(item.MinLength, item.MaxLength, Text(item.Min).NullIfEmpty(), Text(item.Max).NullIfEmpty(), item.Pattern,
            unparsed.Count > 0 ? string.Join("\n", unparsed) : null);
    }

    private FimCodeListReference? CodeList(ItemDocument item, FimIdentity identity)
    {
        if (item.CodeList is { } reference)
        {
            var list = definition.CodeList(reference);
            if (list is null)
            {
                diagnostics.Warning(DiagnosticCodes.ExportCodeListMissing, identity, null, ("list", reference));
                var (id, version) = CatalogLayout.SplitReference(reference);
                return new FimCodeListReference(null, id, version, $"{id}_{version}");
            }

            _codeLists.TryAdd(list.Reference, list);
            var uri = list.CanonicalUri ?? list.Id;
            return new FimCodeListReference(null, uri, list.Version, list.CanonicalVersionUri ?? $"{uri}_{list.Version}");
        }

        var missing = item.Notes?.FirstOrDefault(n => n.Source == FimNoteSources.MissingCodeList && n.Fim is not null);
        return missing is null ? null : new FimCodeListReference(null, missing.Fim!.Id, missing.Fim.Version, missing.Fim.Version is { } v ? $"{missing.Fim.Id}_{v}" : null);
    }

    private List<string> MediaTypes(ItemDocument item, FimIdentity identity)
    {
        var valid = (item.Accept ?? []).Where(a => MediaType().IsMatch(a)).ToList();
        if (valid.Count < (item.Accept?.Count ?? 0))
            diagnostics.Warning(DiagnosticCodes.ExportNotRepresentable, identity, null, ("detail", $"accept patterns like 'image/*' have no XDatenfelder equivalent and were left out ({item.Key})"));
        return valid;
    }

    private static bool HasNote(ItemDocument item, string source) => item.Notes?.Any(n => n.Source == source) == true;

    private static string? FirstLine(string? text) => text?.Split('\n')[0] is { Length: > 0 } line ? (line.Length > 200 ? line[..200] : line) : null;

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    [GeneratedRegex(@"^\w+/[-+.\w]+$")]
    private static partial Regex MediaType();
}
