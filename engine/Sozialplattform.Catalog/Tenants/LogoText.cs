using System.Globalization;
using System.Xml.Linq;

namespace Sozialplattform.Catalog.Tenants;

/// <summary>
/// Text in an SVG logo is drawn with whatever font the citizen's device has: a wider font than the designer's pushes
/// the last letters past the picture's edge (the "W" of "Sozialplattform NRW" was cut off). Each <c>text</c> element
/// therefore needs a <c>textLength</c> (the browser then fits the text to it) that ends inside the <c>viewBox</c>.
/// </summary>
public static class LogoText
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static IReadOnlyList<string> Problems(string svg)
    {
        XElement root;
        try { root = XElement.Parse(svg); }
        catch (System.Xml.XmlException e) { return [$"is not valid SVG ({e.Message})"]; }
        var viewBox = ((string?)root.Attribute("viewBox"))?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (viewBox is not { Length: 4 } || !TryNumber(viewBox[0], out var left) || !TryNumber(viewBox[2], out var width))
            return root.Descendants(Svg + "text").Any() ? ["has text but no viewBox"] : [];
        var problems = new List<string>();
        foreach (var text in root.Descendants(Svg + "text"))
        {
            var content = text.Value.Trim();
            if (!TryNumber((string?)text.Attribute("textLength"), out var length))
            {
                problems.Add($"text '{content}' has no textLength, so a wider font cuts it off");
                continue;
            }
            TryNumber((string?)text.Attribute("x"), out var x);
            if (x + length > left + width)
                problems.Add($"text '{content}' ends at {x + length} but the viewBox ends at {left + width}");
        }
        return problems;
    }

    private static bool TryNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
