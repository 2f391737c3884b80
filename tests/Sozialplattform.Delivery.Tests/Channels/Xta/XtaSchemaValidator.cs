using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Sozialplattform.Delivery.Tests.Channels.Xta;

/// <summary>
/// Validates a SOAP 1.2 envelope against the real schemas in ../shared/standards/xta: the SOAP envelope schema
/// (<c>.xsd</c>), WS-Addressing and the XTA global elements (which pull in OSCI MessageMetaData, xenc and xmldsig).
/// Schema imports are resolved only from that folder — never from the network.
/// </summary>
public sealed class XtaSchemaValidator
{
    private readonly XmlSchemaSet _schemas = new() { XmlResolver = new LocalFolderResolver() };

    public XtaSchemaValidator(string folder)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new LocalFolderResolver() };
        foreach (var file in new[] { ".xsd", "ws-addr.xsd", "XTA-Webservice-Globale-Elemente.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(folder, file), settings);
            _schemas.Add(null, reader);
        }

        _schemas.Compile();
    }

    /// <summary>Every schema error of the envelope, as "line:column message"; empty when valid.</summary>
    public IReadOnlyList<string> Validate(XDocument envelope)
    {
        var errors = new List<string>();
        envelope.Validate(_schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"), addSchemaInfo: false);
        // The SOAP Body allows any element laxly; make sure the XTA parts were actually checked against their declarations.
        foreach (var name in new[] { "{http://xoev.de/transport/xta/211}GenericContentContainer", "{http://www.osci.eu/ws/2014/10/transport}MessageMetaData" })
        {
            var element = envelope.Descendants(XName.Get(name)).SingleOrDefault();
            if (element is null) errors.Add($"Error: {name} is missing");
            else element.Validate(_schemas.GlobalElements[new XmlQualifiedName(element.Name.LocalName, element.Name.NamespaceName)]!, _schemas, (_, e) => errors.Add($"Error: {e.Message}"));
        }

        return errors.Distinct().ToList();
    }

    private sealed class LocalFolderResolver : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            absoluteUri.IsFile ? base.GetEntity(absoluteUri, role, ofObjectToReturn) : throw new XmlException($"not resolving {absoluteUri} (network access is off in tests)");
    }
}
