using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using Sozialplattform.Delivery.Channels.Xta;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Channels.Xta;

public sealed class XtaChannelTests : IAsyncLifetime
{
    private static readonly XNamespace XtaNs = "http://xoev.de/transport/xta/211";
    private static readonly XNamespace Meta = "http://www.osci.eu/ws/2014/10/transport";
    private XtaTestEndpoint _endpoint = null!;
    private string _schemas = "";
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _schemas = RepositoryPaths.RequireShared("standards", "xta");
        _endpoint = await XtaTestEndpoint.StartAsync(_schemas);
    }

    public async Task DisposeAsync()
    {
        if (_endpoint is not null) await _endpoint.DisposeAsync();
        _http.Dispose();
    }

    private JsonObject Options() => new()
    {
        ["endpoint"] = _endpoint.Url, ["authorIdentifier"] = "sozialplattform-nrw", ["authorCategory"] = "Onlinedienst",
        ["readerIdentifier"] = "jobcenter-kreis-borken", ["service"] = "urn:sozialplattform:antrag",
    };

    [SkippableFact]
    public async Task The_sendMessage_request_validates_against_the_XTA_schemas_and_carries_the_XML_data_the_PDF_and_the_uploads()
    {
        var package = Packages.Sample(Options());

        var result = await new XtaChannel(_http).DeliverAsync(package, default);

        result.Error.ShouldBeNull();
        _endpoint.Faults.ShouldBeEmpty();
        var envelope = _endpoint.Accepted.ShouldHaveSingleItem();
        envelope.Descendants(Meta + "MsgIdentification").Single().Value.ShouldBe($"urn:de:xta:messageid:sozialplattform:{package.DeliveryId}");
        envelope.Descendants(Meta + "Reader").Single().Value.ShouldBe("jobcenter-kreis-borken");
        var container = envelope.Descendants(XtaNs + "ContentContainer").Single();
        var message = XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(container.Element(XtaNs + "Message")!.Value)));
        message.Root!.Name.ShouldBe(XName.Get("antrag", "urn:sozialplattform:antrag:buergergeld:1.0.0"));
        var attachments = container.Elements(XtaNs + "Attachment").ToDictionary(a => (string)a.Attribute("filename")!, a => Convert.FromBase64String(a.Value));
        attachments.Keys.ShouldBe(["SP-2026-7K3M-Q9TD.pdf", "antrag.json", "antrag.xsd", "mietvertrag.txt"]);
        attachments["SP-2026-7K3M-Q9TD.pdf"].ShouldBe(Samples.MinimalPdf);

        var xsd = new System.Xml.Schema.XmlSchemaSet();
        xsd.Add(System.Xml.Schema.XmlSchema.Read(new MemoryStream(attachments["antrag.xsd"]), null)!);
        var errors = new List<string>();
        message.Validate(xsd, (_, e) => errors.Add(e.Message));
        errors.ShouldBeEmpty();
    }

    [SkippableFact]
    public void The_validator_rejects_an_envelope_that_breaks_the_schema()
    {
        var envelope = XtaMessage.Build(Packages.Sample(Options()), new XtaChannelOptions { Endpoint = _endpoint.Url, AuthorIdentifier = "a", ReaderIdentifier = "r", Service = "urn:x" });
        new XtaSchemaValidator(_schemas).Validate(envelope).ShouldBeEmpty();

        envelope.Descendants(Meta + "Service").Single().Remove();
        envelope.Descendants(XtaNs + "Message").Single().Attribute("contentType")!.Remove();
        var errors = new XtaSchemaValidator(_schemas).Validate(envelope);
        errors.ShouldContain(e => e.Contains("BusinessScenario", StringComparison.Ordinal) && e.Contains("Service", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("contentType", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_technical_problem_fault_is_retryable_and_named()
    {
        _endpoint.TechnicalProblem = true;
        var result = await new XtaChannel(_http).DeliverAsync(Packages.Sample(Options()), default);
        result.Success.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.Error.ShouldBe($"XTA sendMessage to {_endpoint.Url}: HTTP 500 XTAWSTechnicalProblemException: the XTA server is in maintenance");
    }
}
