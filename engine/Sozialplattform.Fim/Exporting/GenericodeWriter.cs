using System.Text;
using System.Xml;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// Writes a code list as an OASIS genericode 1.0 file (children unqualified, as the OASIS XSD wants) with the
/// columns <c>code</c>, <c>name</c> and, when any option has a hint, <c>help</c>.
/// </summary>
public static class GenericodeWriter
{
    public const string CodeColumn = "code";
    public const string NameColumn = "name";
    public const string HelpColumn = "help";

    public static string FileName(CodeListDocument list) =>
        $"{list.Id.Replace(':', '_')}_{list.Version}.gc.xml";

    public static void Write(CodeListDocument list, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartElement("gc", "CodeList", XdfNamespaces.Genericode);
        writer.WriteStartElement("Identification");
        writer.WriteElementString("ShortName", list.Name?.German ?? "");
        if (list.Name is not null) writer.WriteElementString("LongName", list.Name.German);
        writer.WriteElementString("Version", list.Version);
        writer.WriteElementString("CanonicalUri", list.CanonicalUri ?? list.Id);
        writer.WriteElementString("CanonicalVersionUri", list.CanonicalVersionUri ?? $"{list.CanonicalUri ?? list.Id}_{list.Version}");
        writer.WriteEndElement();

        var withHelp = list.Items.Any(i => i.Hint is not null);
        writer.WriteStartElement("ColumnSet");
        Column(writer, CodeColumn, "required");
        Column(writer, NameColumn, "required");
        if (withHelp) Column(writer, HelpColumn, "optional");
        Key(writer, "codeKey", CodeColumn);
        Key(writer, "codenameKey", NameColumn);
        writer.WriteEndElement();

        writer.WriteStartElement("SimpleCodeList");
        foreach (var item in list.Items)
        {
            writer.WriteStartElement("Row");
            Value(writer, CodeColumn, item.Code);
            Value(writer, NameColumn, item.Label.German);
            if (item.Hint is not null) Value(writer, HelpColumn, item.Hint.German);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Column(XmlWriter writer, string id, string use)
    {
        writer.WriteStartElement("Column");
        writer.WriteAttributeString("Id", id);
        writer.WriteAttributeString("Use", use);
        writer.WriteElementString("ShortName", id);
        writer.WriteStartElement("Data");
        writer.WriteAttributeString("Type", "string");
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Key(XmlWriter writer, string id, string column)
    {
        writer.WriteStartElement("Key");
        writer.WriteAttributeString("Id", id);
        writer.WriteElementString("ShortName", id);
        writer.WriteStartElement("ColumnRef");
        writer.WriteAttributeString("Ref", column);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Value(XmlWriter writer, string column, string value)
    {
        writer.WriteStartElement("Value");
        writer.WriteAttributeString("ColumnRef", column);
        writer.WriteElementString("SimpleValue", value);
        writer.WriteEndElement();
    }
}
