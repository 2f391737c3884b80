using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Reading;

/// <summary>
/// Reads a <c>praezisierung</c>: attributes (XDatenfelder 3) or a JSON string with string values
/// (XDatenfelder 2). Real exports also hold ranges like <c>1..31</c> and free words like <c>5</c> or
/// <c>Anrede</c>: ranges are read, anything else is kept as <see cref="FimPrecision.Unparsed"/> with a warning.
/// </summary>
public sealed partial class PrecisionReader(DiagnosticBag diagnostics)
{
    private static readonly string[] Keys = ["minLength", "maxLength", "minValue", "maxValue", "pattern"];

    public FimPrecision Read(XElement? element, FimIdentity field)
    {
        if (element is null) return FimPrecision.None;
        if (element.Attributes().Any(a => Keys.Contains(a.Name.LocalName)))
            return FromValues(name => element.AttributeText(name), field, element.Line());

        var text = element.Value.Trim();
        if (text.Length == 0) return FimPrecision.None;
        if (text.StartsWith('{')) return FromJson(text, field, element.Line());

        var range = RangePattern().Match(text);
        if (range.Success)
        {
            diagnostics.Info(DiagnosticCodes.PrecisionRangeRead, field, element.Line(), ("value", text));
            return FimPrecision.None with { MinValue = range.Groups[1].Value, MaxValue = range.Groups[2].Value };
        }

        diagnostics.Warning(DiagnosticCodes.PrecisionNotUnderstood, field, element.Line(), ("value", text));
        return FimPrecision.None with { Unparsed = text };
    }

    private FimPrecision FromJson(string text, FimIdentity field, int line)
    {
        Dictionary<string, string> values;
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
            values = json.RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            diagnostics.Warning(DiagnosticCodes.PrecisionNotUnderstood, field, line, ("value", text));
            return FimPrecision.None with { Unparsed = text };
        }

        foreach (var unknown in values.Keys.Where(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase)))
            diagnostics.Warning(DiagnosticCodes.PrecisionKeyUnknown, field, line, ("key", unknown));
        return FromValues(name => values.TryGetValue(name, out var v) && v.Trim().Length > 0 ? v.Trim() : null, field, line);
    }

    private FimPrecision FromValues(Func<string, string?> value, FimIdentity field, int line) => new(
        Length(value("minLength"), "minLength", field, line),
        Length(value("maxLength"), "maxLength", field, line),
        value("minValue"),
        value("maxValue"),
        value("pattern"),
        null);

    private int? Length(string? text, string name, FimIdentity field, int line)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length)) return length;
        diagnostics.Warning(DiagnosticCodes.PrecisionValueInvalid, field, line, ("key", name), ("value", text));
        return null;
    }

    [GeneratedRegex(@"^\s*(-?\d+(?:[.,]\d+)?)\s*\.\.\s*(-?\d+(?:[.,]\d+)?)\s*$")]
    private static partial Regex RangePattern();
}
