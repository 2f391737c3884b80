using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Importing;

/// <summary>XDatenfelder 2.0 (<c>urn:xoev-de:fim:standard:xdatenfelder_2</c>).</summary>
public sealed class Xdf2Importer : XdfImporter
{
    public override string Format => "XDatenfelder 2.0";
    protected override string Namespace => XdfNamespaces.Xdf2;
    protected override string? StandardsXsdFolder => Path.Combine("xdf2", "xsd");
}
