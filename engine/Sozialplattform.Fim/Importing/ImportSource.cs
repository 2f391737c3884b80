using System.Xml.Linq;

namespace Sozialplattform.Fim.Importing;

/// <summary>A file to import, already read safely as XML (with line information).</summary>
public sealed record ImportSource(string Path, XDocument Document)
{
    public XElement Root => Document.Root!;

    public string RootNamespace => Root.Name.NamespaceName;

    public string RootName => Root.Name.LocalName;
}
