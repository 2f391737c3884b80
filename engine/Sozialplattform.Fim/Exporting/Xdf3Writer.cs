using System.Globalization;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// Writes a <see cref="FimSchema"/> as an XDatenfelder 3.0.0 Stammdatenschema message, element by element in
/// XSD sequence order. Elements used in several places are written in full at each place, as XDatenfelder requires.
/// </summary>
public sealed class Xdf3Writer(DiagnosticBag diagnostics, DateTimeOffset timestamp)
{
    private const string StatusListVersion = "2022-07-12";
    private const string StatusInProgress = "2";

    private readonly string _time = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    private XdfXmlWriter _xml = null!;

    public void Write(FimSchema schema, FimIdentity documentProfile, string path)
    {
        using var xml = XdfXmlWriter.Create(path, diagnostics);
        _xml = xml;
        xml.CurrentElement = schema.Identity;
        xml.StartDocument("xdatenfelder.stammdatenschema.0102");
        xml.Start("header");
        xml.Element("nachrichtID", $"sozialplattform-{schema.Identity.Id}-{schema.Identity.Version}");
        xml.Element("erstellungszeitpunkt", _time);
        xml.Element("produktbezeichnung", "Sozialplattform sozial export-fim");
        xml.End();

        xml.Start("stammdatenschema");
        General(schema.Identity, schema.Name, schema.LegalReferences);
        xml.Latin("bezeichnung", schema.DisplayTitle);
        xml.OptionalLatin("hilfetext", schema.Help);
        xml.Code("ableitungsmodifikationenStruktur", "3");
        xml.Code("ableitungsmodifikationenRepraesentation", "1");
        xml.Start("dokumentsteckbrief");
        IdAndVersion(documentProfile);
        xml.End();
        foreach (var rule in schema.Rules) Rule(rule);
        foreach (var usage in schema.Children) Structure(usage);
        xml.End();
        xml.End();
    }

    private void Structure(FimUsage usage)
    {
        _xml.Start("struktur");
        _xml.Element("anzahl", usage.Cardinality.ToString());
        foreach (var reference in usage.LegalReferences) LegalReference(reference);
        _xml.Start("enthaelt");
        if (usage.Element is FimGroup group) Group(group);
        else Field((FimField)usage.Element);
        _xml.End();
        _xml.End();
    }

    private void Group(FimGroup group)
    {
        _xml.CurrentElement = group.Identity;
        _xml.Start("datenfeldgruppe");
        ElementDetails(group);
        if (group.IsChoiceGroup) _xml.Code("art", "X");
        foreach (var rule in group.Rules) Rule(rule);
        foreach (var usage in group.Children) Structure(usage);
        _xml.End();
    }

    private void Field(FimField field)
    {
        _xml.CurrentElement = field.Identity;
        _xml.Start("datenfeld");
        ElementDetails(field);
        _xml.Code("feldart", field.FieldKind);
        _xml.Code("datentyp", field.DataType);
        Precision(field.Precision);
        _xml.OptionalLatin("inhalt", field.Content);
        _xml.Code("vorbefuellung", "keine");
        if (field.Values.Count > 0) Values(field.Values);
        if (field.CodeList is { } list) CodeListReference(list);
        if (field.HelpKey is { } helpKey) _xml.Element("helpKey", helpKey);
        foreach (var rule in field.Rules) Rule(rule);
        if (field.MaxSize is { } maxSize) _xml.Element("maxSize", maxSize.ToString(CultureInfo.InvariantCulture));
        foreach (var mediaType in field.MediaTypes) _xml.Element("mediaType", mediaType);
        _xml.End();
    }

    private void ElementDetails(FimElement element)
    {
        General(element.Identity, element.Name.Length > 0 ? element.Name : element.DisplayLabel, element.LegalReferences);
        _xml.Latin("bezeichnungEingabe", element.DisplayLabel);
        _xml.Latin("bezeichnungAusgabe", element.OutputLabel.Length > 0 ? element.OutputLabel : element.DisplayLabel);
        _xml.Code("schemaelementart", "RNG");
        _xml.OptionalLatin("hilfetextEingabe", element.InputHelp);
    }

    /// <summary>AllgemeineAngaben: identification, name, legal references, status and time of the last change.</summary>
    private void General(FimIdentity identity, string name, IEnumerable<FimLegalReference> legalReferences)
    {
        Identification(identity);
        _xml.Latin("name", name.Length > 0 ? name : identity.Id);
        foreach (var reference in legalReferences) LegalReference(reference);
        _xml.Code("freigabestatus", StatusInProgress, ("listURI", "urn:xoev-de:xprozess:codeliste:status"), ("listVersionID", StatusListVersion));
        _xml.Element("letzteAenderung", _time);
    }

    private void Rule(FimRule rule)
    {
        _xml.Start("regel");
        Identification(rule.Identity);
        _xml.Latin("name", rule.Name.Length > 0 ? rule.Name : rule.Identity.Id);
        _xml.OptionalLatin("freitextRegel", rule.Text);
        _xml.Element("letzteAenderung", _time);
        _xml.Code("typ", rule.Type ?? "K");
        foreach (var target in rule.Targets)
        {
            _xml.Start("ziel");
            _xml.Attribute("element", target.Element);
            _xml.Attribute("name", target.Name);
            _xml.End();
        }

        if (rule.Script.Length > 0) _xml.Element("skript", rule.Script);
        foreach (var error in rule.Errors)
        {
            _xml.Start("fehler");
            _xml.Attribute("code", "1");
            _xml.Text(error);
            _xml.End();
        }

        _xml.End();
    }

    private void Precision(FimPrecision precision)
    {
        if (precision.IsEmpty) return;
        _xml.Start("praezisierung");
        _xml.Attribute("minLength", precision.MinLength?.ToString(CultureInfo.InvariantCulture));
        _xml.Attribute("maxLength", precision.MaxLength?.ToString(CultureInfo.InvariantCulture));
        _xml.Attribute("minValue", precision.MinValue);
        _xml.Attribute("maxValue", precision.MaxValue);
        _xml.Attribute("pattern", precision.Pattern);
        if (precision.Unparsed is { } text) _xml.LatinText(text);
        _xml.End();
    }

    private void Values(IEnumerable<FimValue> values)
    {
        _xml.Start("werte");
        foreach (var value in values)
        {
            _xml.Start("wert");
            _xml.Element("code", value.Code);
            _xml.Element("name", value.Name);
            if (value.Help is { Length: > 0 } help) _xml.Element("hilfe", help);
            _xml.End();
        }

        _xml.End();
    }

    private void CodeListReference(FimCodeListReference list)
    {
        _xml.Start("codelisteReferenz");
        if (list.CanonicalUri is { } uri) _xml.Element("canonicalIdentification", uri);
        if (list.Version is { } version) _xml.Element("version", version);
        if (list.CanonicalVersionUri is { } versionUri) _xml.Element("canonicalVersionUri", versionUri);
        _xml.End();
    }

    private void Identification(FimIdentity identity)
    {
        _xml.Start("identifikation");
        IdAndVersion(identity);
        _xml.End();
    }

    private void IdAndVersion(FimIdentity identity)
    {
        _xml.Element("id", identity.Id);
        if (identity.Version is { } version) _xml.Element("version", version);
    }

    private void LegalReference(FimLegalReference reference)
    {
        _xml.Start("bezug");
        _xml.Attribute("link", reference.Link);
        _xml.LatinText(reference.Text);
        _xml.End();
    }
}
