using System.Globalization;
using System.Text;
using System.Xml;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// Writes a <see cref="FimSchema"/> as an XDatenfelder 3.0.0 Stammdatenschema message, element by element in
/// XSD sequence order. Texts typed String.Latin are normalised by <see cref="LatinText"/> (reported once per element).
/// Elements used in several places are written in full at each place, as XDatenfelder requires.
/// </summary>
public sealed class Xdf3Writer(DiagnosticBag diagnostics, DateTimeOffset timestamp)
{
    private const string Prefix = "xdf";
    private const string StatusListVersion = "2022-07-12";
    private const string StatusInProgress = "2";

    private readonly string _time = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    private XmlWriter _writer = null!;
    private FimIdentity? _element;

    public void Write(FimSchema schema, FimIdentity documentProfile, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        _writer = writer;
        _element = schema.Identity;
        writer.WriteStartDocument();
        writer.WriteStartElement(Prefix, "xdatenfelder.stammdatenschema.0102", XdfNamespaces.Xdf3);
        Start("header");
        Element("nachrichtID", $"sozialplattform-{schema.Identity.Id}-{schema.Identity.Version}");
        Element("erstellungszeitpunkt", _time);
        Element("produktbezeichnung", "Sozialplattform sozial export-fim");
        End();

        Start("stammdatenschema");
        General(schema.Identity, schema.Name, schema.LegalReferences);
        Latin("bezeichnung", schema.DisplayTitle);
        OptionalLatin("hilfetext", schema.Help);
        Code("ableitungsmodifikationenStruktur", "3");
        Code("ableitungsmodifikationenRepraesentation", "1");
        Start("dokumentsteckbrief");
        IdAndVersion(documentProfile);
        End();
        foreach (var rule in schema.Rules) Rule(rule);
        foreach (var usage in schema.Children) Structure(usage);
        End();
        writer.WriteEndElement();
    }

    private void Structure(FimUsage usage)
    {
        Start("struktur");
        Element("anzahl", usage.Cardinality.ToString());
        foreach (var reference in usage.LegalReferences) LegalReference(reference);
        Start("enthaelt");
        if (usage.Element is FimGroup group) Group(group);
        else Field((FimField)usage.Element);
        End();
        End();
    }

    private void Group(FimGroup group)
    {
        _element = group.Identity;
        Start("datenfeldgruppe");
        ElementDetails(group);
        if (group.IsChoiceGroup) Code("art", "X");
        foreach (var rule in group.Rules) Rule(rule);
        foreach (var usage in group.Children) Structure(usage);
        End();
    }

    private void Field(FimField field)
    {
        _element = field.Identity;
        Start("datenfeld");
        ElementDetails(field);
        Code("feldart", field.FieldKind);
        Code("datentyp", field.DataType);
        Precision(field.Precision);
        OptionalLatin("inhalt", field.Content);
        Code("vorbefuellung", "keine");
        if (field.Values.Count > 0)
        {
            Start("werte");
            foreach (var value in field.Values)
            {
                Start("wert");
                Element("code", value.Code);
                Element("name", value.Name);
                if (value.Help is { Length: > 0 } help) Element("hilfe", help);
                End();
            }

            End();
        }

        if (field.CodeList is { } list)
        {
            Start("codelisteReferenz");
            if (list.CanonicalUri is { } uri) Element("canonicalIdentification", uri);
            if (list.Version is { } version) Element("version", version);
            if (list.CanonicalVersionUri is { } versionUri) Element("canonicalVersionUri", versionUri);
            End();
        }

        if (field.HelpKey is { } helpKey) Element("helpKey", helpKey);
        foreach (var rule in field.Rules) Rule(rule);
        if (field.MaxSize is { } maxSize) Element("maxSize", maxSize.ToString(CultureInfo.InvariantCulture));
        foreach (var mediaType in field.MediaTypes) Element("mediaType", mediaType);
        End();
    }

    private void ElementDetails(FimElement element)
    {
        General(element.Identity, element.Name.Length > 0 ? element.Name : element.DisplayLabel, element.LegalReferences);
        Latin("bezeichnungEingabe", element.DisplayLabel);
        Latin("bezeichnungAusgabe", element.OutputLabel.Length > 0 ? element.OutputLabel : element.DisplayLabel);
        Code("schemaelementart", "RNG");
        OptionalLatin("hilfetextEingabe", element.InputHelp);
    }

    /// <summary>AllgemeineAngaben: identification, name, legal references, status and time of the last change.</summary>
    private void General(FimIdentity identity, string name, IEnumerable<FimLegalReference> legalReferences)
    {
        Identification(identity);
        Latin("name", name.Length > 0 ? name : identity.Id);
        foreach (var reference in legalReferences) LegalReference(reference);
        Start("freigabestatus");
        _writer.WriteAttributeString("listURI", "urn:xoev-de:xprozess:codeliste:status");
        _writer.WriteAttributeString("listVersionID", StatusListVersion);
        _writer.WriteElementString("code", StatusInProgress);
        End();
        Element("letzteAenderung", _time);
    }

    private void Rule(FimRule rule)
    {
        Start("regel");
        Identification(rule.Identity);
        Latin("name", rule.Name.Length > 0 ? rule.Name : rule.Identity.Id);
        OptionalLatin("freitextRegel", rule.Text);
        Element("letzteAenderung", _time);
        Code("typ", rule.Type ?? "K");
        foreach (var target in rule.Targets)
        {
            Start("ziel");
            _writer.WriteAttributeString("element", target.Element);
            _writer.WriteAttributeString("name", target.Name);
            End();
        }

        if (rule.Script.Length > 0) Element("skript", rule.Script);
        foreach (var error in rule.Errors)
        {
            Start("fehler");
            _writer.WriteAttributeString("code", "1");
            _writer.WriteString(error);
            End();
        }

        End();
    }

    private void Precision(FimPrecision precision)
    {
        if (precision.IsEmpty) return;
        Start("praezisierung");
        Attribute("minLength", precision.MinLength?.ToString(CultureInfo.InvariantCulture));
        Attribute("maxLength", precision.MaxLength?.ToString(CultureInfo.InvariantCulture));
        Attribute("minValue", precision.MinValue);
        Attribute("maxValue", precision.MaxValue);
        Attribute("pattern", precision.Pattern);
        if (precision.Unparsed is { } text) _writer.WriteString(Normalized(text));
        End();
    }

    private void Identification(FimIdentity identity)
    {
        Start("identifikation");
        IdAndVersion(identity);
        End();
    }

    private void IdAndVersion(FimIdentity identity)
    {
        Element("id", identity.Id);
        if (identity.Version is { } version) Element("version", version);
    }

    private void LegalReference(FimLegalReference reference)
    {
        Start("bezug");
        Attribute("link", reference.Link);
        _writer.WriteString(Normalized(reference.Text));
        End();
    }

    private void Code(string name, string code)
    {
        Start(name);
        _writer.WriteElementString("code", code);
        End();
    }

    private void OptionalLatin(string name, string text)
    {
        if (text.Length > 0) Latin(name, text);
    }

    private void Latin(string name, string text) => Element(name, Normalized(text));

    private string Normalized(string text)
    {
        var (latin, changed) = LatinText.Normalize(text);
        if (changed > 0)
            diagnostics.Info(DiagnosticCodes.ExportTextAdjusted, _element, null, ("count", changed), ("text", text.Length > 60 ? text[..60] + "…" : text));
        return latin;
    }

    private void Attribute(string name, string? value)
    {
        if (value is not null) _writer.WriteAttributeString(name, value);
    }

    private void Element(string name, string text) => _writer.WriteElementString(Prefix, name, XdfNamespaces.Xdf3, text);

    private void Start(string name) => _writer.WriteStartElement(Prefix, name, XdfNamespaces.Xdf3);

    private void End() => _writer.WriteEndElement();
}
