using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Importing;

/// <summary>
/// XDatenfelder 1 (legacy, <c>…xdatenfelder_1</c>): the same tree as 2.0 with <c>id</c> instead of
/// <c>identifikation</c> and <c>codeliste</c> instead of <c>codelisteReferenz</c>, which the reader handles. No XSD, so no strict mode.
/// </summary>
public sealed class Xdf1Importer : XdfImporter
{
    public override string Format => "XDatenfelder 1";
    protected override string Namespace => XdfNamespaces.Xdf1;
    protected override string SchemaMessage => "xdatenfelder.stammdatenschema.0102001";
    protected override string? StandardsXsdFolder => null;
}
