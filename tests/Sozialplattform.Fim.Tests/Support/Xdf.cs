namespace Sozialplattform.Fim.Tests.Support;

/// <summary>Small hand-made XDatenfelder documents for mapping tests (only the elements the import reads).</summary>
public static class Xdf
{
    public const string Ns3 = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
    public const string Ns2 = "urn:xoev-de:fim:standard:xdatenfelder_2";

    public static string Schema3(string structures, string extra = "", string id = "S00000000001", string version = "1.0.0") =>
        Schema(Ns3, "bezeichnung", structures, extra, id, version);

    public static string Schema2(string structures, string extra = "", string id = "S00000001", string version = "1.0") =>
        Schema(Ns2, "bezeichnungEingabe", structures, extra, id, version);

    private static string Schema(string ns, string titleElement, string structures, string extra, string id, string version) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="{ns}">
          <xdf:header><xdf:nachrichtID>t</xdf:nachrichtID><xdf:erstellungszeitpunkt>2024-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
          <xdf:stammdatenschema>
            <xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>{version}</xdf:version></xdf:identifikation>
            <xdf:name>Testschema</xdf:name>
            <xdf:{titleElement}>Testantrag</xdf:{titleElement}>
            {extra}
            {structures}
          </xdf:stammdatenschema>
        </xdf:xdatenfelder.stammdatenschema.0102>
        """;

    public static string Use(string anzahl, string element) =>
        $"<xdf:struktur><xdf:anzahl>{anzahl}</xdf:anzahl><xdf:enthaelt>{element}</xdf:enthaelt></xdf:struktur>";

    public static string Field(string id, string datentyp = "text", string feldart = "input", string extra = "", string label = "Feld", string version = "1.0.0") => $"""
        <xdf:datenfeld>
          <xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>{version}</xdf:version></xdf:identifikation>
          <xdf:name>{label}</xdf:name>
          <xdf:bezeichnungEingabe>{label}</xdf:bezeichnungEingabe>
          <xdf:feldart><code>{feldart}</code></xdf:feldart>
          <xdf:datentyp><code>{datentyp}</code></xdf:datentyp>
          {extra}
        </xdf:datenfeld>
        """;

    public static string Group(string id, string structures, string extra = "", string label = "Gruppe", string version = "1.0.0") => $"""
        <xdf:datenfeldgruppe>
          <xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>{version}</xdf:version></xdf:identifikation>
          <xdf:name>{label}</xdf:name>
          <xdf:bezeichnungEingabe>{label}</xdf:bezeichnungEingabe>
          {extra}
          {structures}
        </xdf:datenfeldgruppe>
        """;

    public static string Rule3(string id, string text, string type = "K", string script = "", string parameters = "") => $"""
        <xdf:regel>
          <xdf:identifikation><xdf:id>{id}</xdf:id><xdf:version>1.0.0</xdf:version></xdf:identifikation>
          <xdf:name>Regel {id}</xdf:name>
          <xdf:freitextRegel>{text}</xdf:freitextRegel>
          <xdf:typ><code>{type}</code></xdf:typ>
          {parameters}
          {(script.Length > 0 ? $"<xdf:skript>{script}</xdf:skript>" : "")}
        </xdf:regel>
        """;

    public static string Values(params (string Code, string Name)[] values) =>
        "<xdf:werte>" + string.Concat(values.Select(v => $"<xdf:wert><xdf:code>{v.Code}</xdf:code><xdf:name>{v.Name}</xdf:name></xdf:wert>")) + "</xdf:werte>";
}
