using System.Text;
using System.Xml;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// The XML side of the XDatenfelder 3 export: qualified elements, unqualified XÖV <c>code</c>s, attributes, and
/// String.Latin texts normalised by <see cref="LatinText"/> (reported once per change, for the current element).
/// </summary>
public sealed class XdfXmlWriter(XmlWriter writer, DiagnosticBag diagnostics) : IDisposable
{
    private const string Prefix = "xdf";

    /// <summary>The FIM element being written, named in the report when a text had to be changed.</summary>
    public FimIdentity? CurrentElement { get; set; }

    public static XdfXmlWriter Create(string path, DiagnosticBag diagnostics) =>
        new(XmlWriter.Create(path, new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" }), diagnostics);

    public void StartDocument(string rootName)
    {
        writer.WriteStartDocument();
        Start(rootName);
    }

    public void Start(string name) => writer.WriteStartElement(Prefix, name, XdfNamespaces.Xdf3);

    public void End() => writer.WriteEndElement();

    public void Element(string name, string text) => writer.WriteElementString(Prefix, name, XdfNamespaces.Xdf3, text);

    /// <summary>An XÖV code element: <c>&lt;xdf:feldart&gt;&lt;code&gt;input&lt;/code&gt;&lt;/xdf:feldart&gt;</c> (<c>code</c> unqualified).</summary>
    public void Code(string name, string code, params (string Name, string Value)[] attributes)
    {
        Start(name);
        foreach (var (attribute, value) in attributes) writer.WriteAttributeString(attribute, value);
        writer.WriteElementString("code", code);
        End();
    }

    public void Attribute(string name, string? value)
    {
        if (value is not null) writer.WriteAttributeString(name, value);
    }

    public void Text(string text) => writer.WriteString(text);

    public void LatinText(string text) => writer.WriteString(Normalized(text));

    public void Latin(string name, string text) => Element(name, Normalized(text));

    public void OptionalLatin(string name, string text)
    {
        if (text.Length > 0) Latin(name, text);
    }

    public void Dispose() => writer.Dispose();

    private string Normalized(string text)
    {
        var (latin, changed) = Exporting.LatinText.Normalize(text);
        if (changed > 0)
            diagnostics.Info(DiagnosticCodes.ExportTextAdjusted, CurrentElement, null, ("count", changed), ("text", text.Length > 60 ? text[..60] + "…" : text));
        return latin;
    }
}
