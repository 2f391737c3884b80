using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// A <c>praezisierung</c> → the constraints of the chosen field type: lengths and pattern for texts,
/// <c>min</c>/<c>max</c> for numbers and dates. What the type cannot use, or what is not valid, is left out
/// with a diagnostic; a value that could not be read at all is kept in a note.
/// </summary>
public sealed partial class ConstraintMapper(DiagnosticBag diagnostics)
{
    public const string UnparsedNoteSource = FimNoteSources.Precision;

    public void Apply(ItemDocument item, FimPrecision precision, FimIdentity field, int line)
    {
        if (precision.Unparsed is { } raw)
            item.Notes = [.. item.Notes ?? [], new NoteDocument(raw, UnparsedNoteSource)];

        switch (item.Type)
        {
            case ItemTypes.Text or ItemTypes.Textarea:
                ApplyText(item, precision, field, line);
                Ignore(precision with { MinLength = null, MaxLength = null, Pattern = null }, item, field, line);
                break;
            case ItemTypes.Integer or ItemTypes.Decimal or ItemTypes.Money:
                item.Min = Number(precision.MinValue, "minValue", field, line);
                item.Max = Number(precision.MaxValue, "maxValue", field, line);
                Ignore(precision with { MinValue = null, MaxValue = null }, item, field, line);
                break;
            case ItemTypes.Date:
                item.Min = Date(precision.MinValue, "minValue", field, line);
                item.Max = Date(precision.MaxValue, "maxValue", field, line);
                Ignore(precision with { MinValue = null, MaxValue = null }, item, field, line);
                break;
            default:
                Ignore(precision, item, field, line);
                break;
        }
    }

    private void ApplyText(ItemDocument item, FimPrecision precision, FimIdentity field, int line)
    {
        item.MinLength = precision.MinLength;
        item.MaxLength = precision.MaxLength;
        if (precision.MaxLength == 0)
        {
            diagnostics.Warning(DiagnosticCodes.ConstraintInvalid, field, line, ("key", "maxLength"), ("value", "0"));
            item.MaxLength = null;
        }

        if (precision.Pattern is not { } pattern) return;
        if (!LooksLikeRegex(pattern))
        {
            diagnostics.Warning(DiagnosticCodes.PatternNotRegex, field, line, ("pattern", pattern));
            item.Notes = [.. item.Notes ?? [], new NoteDocument("pattern: " + pattern, UnparsedNoteSource)];
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            item.Pattern = pattern;
        }
        catch (ArgumentException e)
        {
            diagnostics.Warning(DiagnosticCodes.PatternInvalid, field, line, ("pattern", pattern), ("detail", e.Message));
            item.Notes = [.. item.Notes ?? [], new NoteDocument("pattern: " + pattern, UnparsedNoteSource)];
        }
    }

    private JsonNode? Number(string? text, string name, FimIdentity field, int line)
    {
        if (text is null) return null;
        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        diagnostics.Warning(DiagnosticCodes.ConstraintInvalid, field, line, ("key", name), ("value", text));
        return null;
    }

    private JsonNode? Date(string? text, string name, FimIdentity field, int line)
    {
        if (text is null) return null;
        if (IsoDate().IsMatch(text)) return JsonValue.Create(text);
        if (DateTime.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        diagnostics.Warning(DiagnosticCodes.ConstraintInvalid, field, line, ("key", name), ("value", text));
        return null;
    }

    private void Ignore(FimPrecision rest, ItemDocument item, FimIdentity field, int line)
    {
        var names = new (string Name, object? Value)[]
            { ("minLength", rest.MinLength), ("maxLength", rest.MaxLength), ("minValue", rest.MinValue), ("maxValue", rest.MaxValue), ("pattern", rest.Pattern) };
        var ignored = names.Where(n => n.Value is not null).Select(n => n.Name).ToList();
        if (ignored.Count > 0)
            diagnostics.Info(DiagnosticCodes.ConstraintIgnored, field, line, ("type", item.Type), ("constraints", string.Join(", ", ignored)));
    }

    /// <summary>Real exports put words like "Mehrfachauswahl" or "Codeliste Regionalschlüssel" where a pattern belongs.</summary>
    private static bool LooksLikeRegex(string pattern) => pattern.IndexOfAny(['[', ']', '(', ')', '{', '}', '\\', '.', '*', '+', '?', '|', '^', '$']) >= 0;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
