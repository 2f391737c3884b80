using System.Text;
using System.Xml.Linq;
using Sozialplattform.Delivery.Answers;

namespace Sozialplattform.Delivery.Channels.Xta;

/// <summary>
/// Builds the SOAP 1.2 <c>sendMessage</c> request of XTA.wsdl: WS-Addressing headers, <c>oscimeta:MessageMetaData</c>
/// (author, reader, service, message type, message id) and the body <c>xta:GenericContentContainer</c> whose
/// Message is the answers XML and whose Attachments are the PDF, the answers JSON and the uploads (base64).
/// The message id is derived from the delivery id, so a repeated delivery has the same id.
/// </summary>
internal static class XtaMessage
{
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Wsa = "http://www.w3.org/2005/08/addressing";
    public static readonly XNamespace OsciMeta = "http://www.osci.eu/ws/2014/10/transport";
    public static readonly XNamespace Xta = "http://xoev.de/transport/xta/211";
    public const string SendMessageAction = "http://www.xta.de/XTA/SendMessage";

    public static string MessageId(Guid deliveryId) => $"urn:de:xta:messageid:sozialplattform:{deliveryId}";

    public static XDocument Build(DeliveryPackage package, XtaChannelOptions options)
    {
        var message = Encoding.UTF8.GetBytes(AnswersXml.Text(package.AnswersXml));
        var attachments = new List<(byte[] Content, string Type, string Name, string Description)>
        {
            (package.Pdf.Content, "application/pdf", package.Pdf.FileName, "Antrag (PDF)"),
            (Encoding.UTF8.GetBytes(package.AnswersJson), "application/json", "antrag.json", "Antragsdaten (JSON)"),
        };
        if (package.AnswersXsd is { } xsd)
            attachments.Add((Encoding.UTF8.GetBytes(AnswersXml.Text(xsd)), "application/xml", "antrag.xsd", "Schema der Antragsdaten (XSD)"));
        attachments.AddRange(package.Attachments.Select(a => (a.Content, a.MediaType, a.FileName, "Nachweis")));
        var size = message.Length + attachments.Sum(a => a.Content.Length);
        return Envelope(package.DeliveryId, options, MetaData(package, options, size),
            Content("Message", message, "application/xml", "antrag.xml", "Antragsdaten (XML)", package.Language), attachments);
    }

    public static readonly XNamespace FollowUpNamespace = "urn:sozialplattform:nachreichung:1.0";

    /// <summary>
    /// A hand-in: the Message is a small XML (<c>nachreichung</c>: reference and receipt number, time, the first message's
    /// id, the applicant's message, the files), the Attachments are the handed-in files; the metadata's
    /// <c>MsgIdentification</c> carries <c>In-Reply-To</c> = the submission's message id and <c>ProcessRef/Requester</c> =
    /// the reference number.
    /// </summary>
    public static XDocument BuildFollowUp(FollowUpPackage package, XtaChannelOptions options)
    {
        var first = MessageId(package.OriginalDeliveryId);
        var payload = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(FollowUpNamespace + "nachreichung",
                new XAttribute("referenceNumber", package.ReferenceNumber),
                new XAttribute("receiptNumber", package.ReceiptNumber),
                new XElement(FollowUpNamespace + "eingegangen", package.HandedInAt.ToString("yyyy-MM-ddTHH:mm:ssZ")),
                new XElement(FollowUpNamespace + "ersteNachricht", first),
                string.IsNullOrWhiteSpace(package.Message) ? null : new XElement(FollowUpNamespace + "nachricht", package.Message),
                package.Files.Select(f => new XElement(FollowUpNamespace + "anlage",
                    new XAttribute("dateiname", f.FileName), new XAttribute("mimeType", f.MediaType), new XAttribute("sha256", f.Sha256)))));
        var message = Encoding.UTF8.GetBytes(AnswersXml.Text(payload));
        var attachments = package.Files.Select(f => (f.Content, f.MediaType, f.FileName, "Nachgereichte Unterlage")).ToList();
        var size = message.Length + attachments.Sum(a => a.Content.Length);
        var metadata = new XElement(OsciMeta + "MessageMetaData",
            options.TestMessage ? new XAttribute("TestMsg", "true") : null,
            new XElement(OsciMeta + "DeliveryAttributes", new XElement(OsciMeta + "Origin", package.HandedInAt.ToString("yyyy-MM-ddTHH:mm:ssZ"))),
            new XElement(OsciMeta + "Originators", new XElement(OsciMeta + "Author", Identifier(options.AuthorIdentifier, options.IdentifierType, options.AuthorCategory, "Sozialplattform"))),
            new XElement(OsciMeta + "Destinations", new XElement(OsciMeta + "Reader", Identifier(options.ReaderIdentifier, options.IdentifierType, options.ReaderCategory, package.Authority.Name))),
            new XElement(OsciMeta + "MsgIdentification",
                new XElement(Wsa + "MessageID", MessageId(package.DeliveryId)),
                new XElement(OsciMeta + "In-Reply-To", first),
                new XElement(OsciMeta + "ProcessRef", new XElement(OsciMeta + "Requester", new XAttribute("ProccesName", "antrag"), package.ReferenceNumber))),
            new XElement(OsciMeta + "Qualifier",
                new XElement(OsciMeta + "Subject", $"Nachreichung zu {package.ReferenceNumber} ({package.ReceiptNumber})"),
                new XElement(OsciMeta + "Service", options.Service),
                new XElement(OsciMeta + "BusinessScenario", new XElement(OsciMeta + "Undefined", "sozialplattform-antrag")),
                new XElement(OsciMeta + "MessageType",
                    new XAttribute("listURI", "urn:sozialplattform:codeliste:nachrichtentyp"),
                    new XAttribute("listVersionID", "1.0"),
                    new XAttribute("payloadSchema", FollowUpNamespace.NamespaceName),
                    new XElement("code", "nachreichung"))),
            new XElement(OsciMeta + "MsgSize", size));
        return Envelope(package.DeliveryId, options, metadata,
            Content("Message", message, "application/xml", "nachreichung.xml", "Nachreichung (XML)", package.Language), attachments);
    }

    private static XDocument Envelope(Guid deliveryId, XtaChannelOptions options, XElement metadata, XElement message, IEnumerable<(byte[] Content, string Type, string Name, string Description)> attachments) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Soap + "Envelope",
                new XAttribute(XNamespace.Xmlns + "s12", Soap), new XAttribute(XNamespace.Xmlns + "wsa", Wsa),
                new XAttribute(XNamespace.Xmlns + "oscimeta", OsciMeta), new XAttribute(XNamespace.Xmlns + "xta", Xta),
                new XElement(Soap + "Header",
                    new XElement(Wsa + "Action", SendMessageAction),
                    new XElement(Wsa + "MessageID", MessageId(deliveryId)),
                    new XElement(Wsa + "To", options.Endpoint),
                    metadata),
                new XElement(Soap + "Body",
                    new XElement(Xta + "GenericContentContainer",
                        new XElement(Xta + "ContentContainer",
                            message,
                            attachments.Select(a => Content("Attachment", a.Content, a.Type, a.Name, a.Description, null)))))));

    private static XElement MetaData(DeliveryPackage package, XtaChannelOptions options, long size) =>
        new(OsciMeta + "MessageMetaData",
            options.TestMessage ? new XAttribute("TestMsg", "true") : null,
            new XElement(OsciMeta + "DeliveryAttributes", new XElement(OsciMeta + "Origin", package.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"))),
            new XElement(OsciMeta + "Originators", new XElement(OsciMeta + "Author", Identifier(options.AuthorIdentifier, options.IdentifierType, options.AuthorCategory, "Sozialplattform"))),
            new XElement(OsciMeta + "Destinations", new XElement(OsciMeta + "Reader", Identifier(options.ReaderIdentifier, options.IdentifierType, options.ReaderCategory, package.Authority.Name))),
            new XElement(OsciMeta + "MsgIdentification", new XElement(Wsa + "MessageID", MessageId(package.DeliveryId))),
            new XElement(OsciMeta + "Qualifier",
                new XElement(OsciMeta + "Subject", $"Antrag {package.ReferenceNumber}: {package.FormTitle}"),
                new XElement(OsciMeta + "Service", options.Service),
                new XElement(OsciMeta + "BusinessScenario", new XElement(OsciMeta + "Undefined", "sozialplattform-antrag")),
                new XElement(OsciMeta + "MessageType",
                    new XAttribute("listURI", "urn:sozialplattform:codeliste:nachrichtentyp"),
                    new XAttribute("listVersionID", "1.0"),
                    new XAttribute("payloadSchema", AnswersXml.Namespace(package.FormId, package.FormVersion).NamespaceName),
                    new XElement("code", "antrag"))),
            new XElement(OsciMeta + "MsgSize", size));

    private static XElement Identifier(string value, string type, string? category, string name) =>
        new(OsciMeta + "Identifier", new XAttribute("type", type), new XAttribute("name", name), category is null ? null : new XAttribute("category", category), value);

    private static XElement Content(string element, byte[] content, string contentType, string fileName, string description, string? language) =>
        new(Xta + element,
            new XAttribute("contentType", contentType),
            new XAttribute("filename", fileName),
            new XAttribute("contentDescription", description),
            content.Length > 0 ? new XAttribute("size", content.Length) : null,
            language is null ? null : new XAttribute("lang", language),
            Convert.ToBase64String(content));
}
