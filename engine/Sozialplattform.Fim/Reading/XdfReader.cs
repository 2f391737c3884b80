using System.Xml.Linq;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Reading;

/// <summary>
/// Reads a Stammdatenschema of any XDatenfelder version into the version-neutral <see cref="FimSchema"/>.
/// Everything is found by local name and in any order, because the versions differ mostly in where a value
/// sits (<c>identifikation/id</c> or <c>id</c>, <c>freitextRegel</c> or <c>definition</c>, attributes or JSON)
/// and hand-made files ignore the XSD sequence. An element met again with the same id and version is read once.
/// </summary>
public sealed class XdfReader(DiagnosticBag diagnostics, string standardVersion)
{
    private readonly Dictionary<FimIdentity, FimElement> _elements = [];
    private readonly PrecisionReader _precision = new(diagnostics);
    private readonly RuleReader _rules = new(diagnostics);

    public FimSchema Read(XElement schema) => new()
    {
        Identity = ReadIdentity(schema, "S"),
        StandardVersion = standardVersion,
        Line = schema.Line(),
        Name = schema.ChildText("name"),
        Title = TextExtensions.FirstNonEmpty(schema.ChildText("bezeichnung"), schema.ChildText("bezeichnungEingabe")),
        Help = schema.ChildText("hilfetext"),
        LegalReferences = ReadLegalReferences(schema),
        Rules = _rules.ReadAll(schema, r => ReadIdentity(r, "R")),
        Children = ReadChildren(schema),
    };

    private IReadOnlyList<FimUsage> ReadChildren(XElement parent) =>
        parent.Children("struktur").Select(ReadUsage).OfType<FimUsage>().ToList();

    private FimUsage? ReadUsage(XElement structure)
    {
        var content = structure.Child("enthaelt")?.Elements().FirstOrDefault();
        if (content is null)
        {
            diagnostics.Warning(DiagnosticCodes.StructureEmpty, null, structure.Line());
            return null;
        }

        var element = content.Name.LocalName switch
        {
            "datenfeldgruppe" => ReadOnce(content, "G", ReadGroup),
            "datenfeld" => ReadOnce(content, "F", ReadField),
            _ => null,
        };
        if (element is null)
        {
            diagnostics.Warning(DiagnosticCodes.StructureUnknownContent, null, content.Line(), ("element", content.Name.LocalName));
            return null;
        }

        var anzahl = structure.ChildText("anzahl");
        var cardinality = FimCardinality.TryParse(anzahl);
        if (cardinality is null)
            diagnostics.Warning(DiagnosticCodes.CardinalityInvalid, element.Identity, structure.Line(), ("anzahl", anzahl));
        return new FimUsage(cardinality ?? FimCardinality.RequiredOnce, ReadLegalReferences(structure), element, structure.Line());
    }

    private FimElement ReadOnce(XElement element, string prefix, Func<XElement, FimIdentity, FimElement> read)
    {
        var identity = ReadIdentity(element, prefix);
        if (_elements.TryGetValue(identity, out var known)) return known;
        var result = read(element, identity);
        _elements[identity] = result;
        return result;
    }

    private FimGroup ReadGroup(XElement element, FimIdentity identity)
    {
        var group = new FimGroup { Header = ReadHeader(element, identity), IsChoiceGroup = element.ChildCode("art") == "X" };
        // Registered before its children are read, so a group that (wrongly) contains itself ends the recursion.
        _elements[identity] = group;
        group.Children = ReadChildren(element);
        return group;
    }

    private FimElementHeader ReadHeader(XElement element, FimIdentity identity) => new(
        identity,
        element.Line(),
        element.ChildText("name"),
        element.ChildText("bezeichnungEingabe"),
        element.ChildText("bezeichnungAusgabe"),
        element.ChildText("hilfetextEingabe"),
        ReadLegalReferences(element),
        _rules.ReadAll(element, r => ReadIdentity(r, "R")));

    private FimField ReadField(XElement element, FimIdentity identity) => new()
    {
        Header = ReadHeader(element, identity),
        FieldKind = element.ChildCode("feldart") ?? "input",
        DataType = element.ChildCode("datentyp") ?? "text",
        Precision = _precision.Read(element.Child("praezisierung"), identity),
        Content = element.ChildText("inhalt"),
        Values = ReadValues(element),
        CodeList = CodeListReferenceReader.Read(element),
        CodeKey = element.ChildText("codeKey").NullIfEmpty(),
        NameKey = element.ChildText("nameKey").NullIfEmpty(),
        HelpKey = element.ChildText("helpKey").NullIfEmpty(),
        MaxSize = long.TryParse(element.ChildText("maxSize"), out var maxSize) ? maxSize : null,
        MediaTypes = element.Children("mediaType").Select(m => m.Value.Trim()).Where(m => m.Length > 0).ToList(),
    };

    private static IReadOnlyList<FimValue> ReadValues(XElement field) =>
        field.Child("werte")?.Children("wert")
            .Select(w => new FimValue(w.ChildText("code"), w.ChildText("name"), w.ChildText("hilfe").NullIfEmpty()))
            .ToList() ?? [];

    private static IReadOnlyList<FimLegalReference> ReadLegalReferences(XElement element) =>
        element.Children("bezug")
            .Select(b => new FimLegalReference(b.TextValue(), b.AttributeText("link")))
            .Where(b => b.Text.Length > 0 && !IsPlaceholder(b.Text))
            .ToList();

    /// <summary>XDatenfelder 2/3 write <c>identifikation/id</c>; XDatenfelder 1 writes <c>id</c> directly.</summary>
    private FimIdentity ReadIdentity(XElement element, string prefix)
    {
        var identification = element.Child("identifikation");
        var id = identification?.ChildText("id") ?? element.ChildText("id");
        var version = identification?.ChildText("version").NullIfEmpty();
        if (id.Length > 0) return new FimIdentity(id, version);

        var synthetic = new FimIdentity($"{prefix}_line{element.Line()}", version);
        diagnostics.Warning(DiagnosticCodes.ElementIdMissing, synthetic, element.Line(), ("element", element.Name.LocalName));
        return synthetic;
    }

    /// <summary>Real files fill required legal references with "-" or ".".</summary>
    private static bool IsPlaceholder(string text) => text.Trim('-', '.', ' ').Length == 0;
}
