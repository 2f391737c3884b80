using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Importing;

/// <summary>XDatenfelder 3.0.0 (<c>urn:xoev-de:fim:standard:xdatenfelder_3.0.0</c>).</summary>
public sealed class Xdf3Importer : XdfImporter
{
    public override string Format => "XDatenfelder 3.0.0";
    protected override string Namespace => XdfNamespaces.Xdf3;
    protected override string? StandardsXsdFolder => Path.Combine("xdf3", "xsd");
}
