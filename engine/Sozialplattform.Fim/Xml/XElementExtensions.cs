using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Fim.Xml;

/// <summary>
/// Order- and namespace-independent access by local name: real files put children out of XSD order,
/// qualify genericode children or leave <c>code</c> unqualified.
/// </summary>
public static class XElementExtensions
{
    public static XElement? Child(this XElement element, string localName)
    {
        foreach (var child in element.Elements())
            if (child.Name.LocalName == localName) return child;
        return null;
    }

    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The trimmed text of a child, "" when it is missing or empty.</summary>
    public static string ChildText(this XElement element, string localName) => element.Child(localName)?.TextValue() ?? "";

    /// <summary>The trimmed text with line ends as "\n" (real exports carry <c>&amp;#13;</c> and CRLF inside texts).</summary>
    public static string TextValue(this XElement element) => element.Value.Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>The code of an XÖV code element: <c>&lt;feldart&gt;&lt;code&gt;input&lt;/code&gt;&lt;/feldart&gt;</c>.</summary>
    public static string? ChildCode(this XElement element, string localName)
    {
        var code = element.Child(localName)?.Child("code")?.Value.Trim();
        return string.IsNullOrEmpty(code) ? null : code;
    }

    public static string? AttributeText(this XElement element, string name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static int Line(this XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
