using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Catalog.Translations;

/// <summary>
/// XLIFF 2.0 (OASIS, <c>urn:oasis:names:tc:xliff:document:2.0</c>): one <c>file</c> whose <c>original</c> is the definition,
/// one <c>unit</c> per text with the text's id as its <c>name</c> (a unit's <c>id</c> must be an NMTOKEN, which paths
/// with brackets are not), the context as a note, the German <c>source</c> and the <c>target</c>.
/// </summary>
internal static class XliffFormat
{
    private static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:2.0";

    public static string Write(TranslationFile file)
    {
        var units = file.Entries.Select((e, i) => new XElement(Ns + "unit", new XAttribute("id", $"u{i + 1}"), new XAttribute("name", e.Id),
            new XElement(Ns + "notes", new XElement(Ns + "note", new XAttribute("category", "context"), e.Context)),
            new XElement(Ns + "segment",
                new XElement(Ns + "source", e.Source),
                e.Target.Length > 0 ? new XElement(Ns + "target", e.Target) : null)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "xliff", new XAttribute("version", "2.0"), new XAttribute("srcLang", "de"), new XAttribute("trgLang", file.Language),
                new XElement(Ns + "file", new XAttribute("id", "f1"), new XAttribute("original", file.Original), units)));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer + "\n";
    }

    public static TranslationFile Read(byte[] content, string path)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 50_000_000 });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new TranslationFileException(path, e.LineNumber, $"not well-formed XML: {e.Message}");
        }

        var root = document.Root!;
        if (root.Name != Ns + "xliff" || (string?)root.Attribute("version") != "2.0")
            throw new TranslationFileException(path, Line(root), "not an XLIFF 2.0 document (root <xliff version=\"2.0\"> in urn:oasis:names:tc:xliff:document:2.0)");
        if ((string?)root.Attribute("srcLang") != "de")
            throw new TranslationFileException(path, Line(root), $"srcLang is '{(string?)root.Attribute("srcLang")}'; the source of every text is German (de)");
        var language = (string?)root.Attribute("trgLang") ?? throw new TranslationFileException(path, Line(root), "trgLang is missing: which language does the file translate into?");
        var files = root.Elements(Ns + "file").ToList();
        if (files.Count != 1) throw new TranslationFileException(path, Line(root), $"expected one <file>, found {files.Count}");
        var original = (string?)files[0].Attribute("original") ?? "";

        var entries = new List<TranslationEntry>();
        foreach (var unit in files[0].Descendants(Ns + "unit"))
        {
            var id = (string?)unit.Attribute("name") ?? throw new TranslationFileException(path, Line(unit), "a <unit> without name (the text's id)");
            var segments = unit.Elements(Ns + "segment").ToList();
            if (segments.Count != 1) throw new TranslationFileException(path, Line(unit), $"unit '{id}' has {segments.Count} segments; expected one");
            var source = segments[0].Element(Ns + "source") ?? throw new TranslationFileException(path, Line(segments[0]), $"unit '{id}' has no <source>");
            var context = unit.Element(Ns + "notes")?.Elements(Ns + "note").FirstOrDefault()?.Value ?? "";
            entries.Add(new TranslationEntry(id, context, source.Value, segments[0].Element(Ns + "target")?.Value ?? ""));
        }
        return new TranslationFile(original, language, entries);
    }

    private static int Line(XElement element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
