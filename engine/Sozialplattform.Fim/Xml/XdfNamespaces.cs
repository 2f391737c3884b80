namespace Sozialplattform.Fim.Xml;

/// <summary>The namespaces that identify XDatenfelder versions and genericode (see STANDARDS.md §1.1).</summary>
public static class XdfNamespaces
{
    public const string Xdf1 = "urn:xoev-de:fim:standard:xdatenfelder_1";
    public const string Xdf2 = "urn:xoev-de:fim:standard:xdatenfelder_2";
    public const string Xdf3 = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
    public const string Genericode = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/";

    /// <summary>Anything that looks like XDatenfelder but has a namespace we do not know (e.g. a future version).</summary>
    public static bool LooksLikeXdatenfelder(string ns) => ns.StartsWith("urn:xoev-de:fim:standard:xdatenfelder", StringComparison.Ordinal);
}
