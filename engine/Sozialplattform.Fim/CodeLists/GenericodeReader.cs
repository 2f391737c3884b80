using System.Xml.Linq;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.CodeLists;

/// <summary>
/// Reads a genericode file. FIM exports qualify every child with the gc namespace (which the OASIS XSD
/// forbids) while others leave them unqualified, so everything is matched by local name.
/// </summary>
public static class GenericodeReader
{
    public static bool IsCodeList(XElement root) => root.Name.LocalName == "CodeList";

    public static GenericodeList Read(XElement root, string file)
    {
        var identification = root.Child("Identification");
        var columnSet = root.Child("ColumnSet");
        var columns = columnSet?.Children("Column").Select(c => c.AttributeText("Id")).OfType<string>().ToList() ?? [];
        var keys = columnSet?.Children("Key")
            .Where(k => k.AttributeText("Id") is not null)
            .GroupBy(k => k.AttributeText("Id")!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.First().Children("ColumnRef").Select(r => r.AttributeText("Ref")).OfType<string>().ToList())
            ?? [];
        var rowElements = root.Child("SimpleCodeList")?.Children("Row").ToList() ?? [];
        var rows = rowElements.Select(ReadRow).ToList();

        return new GenericodeList(
            file,
            Text(identification, "ShortName"),
            Text(identification, "LongName"),
            Text(identification, "CanonicalUri"),
            Text(identification, "Version"),
            Text(identification, "CanonicalVersionUri"),
            columns,
            keys,
            rows)
        {
            RowLines = rowElements.Select(r => r is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0).ToList(),
        };
    }

    private static IReadOnlyDictionary<string, string> ReadRow(XElement row)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in row.Children("Value"))
            if (value.AttributeText("ColumnRef") is { } column) values[column] = value.ChildText("SimpleValue");
        return values;
    }

    private static string? Text(XElement? parent, string localName)
    {
        var text = parent?.ChildText(localName);
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
