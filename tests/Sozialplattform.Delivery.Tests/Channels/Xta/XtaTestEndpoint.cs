using System.Collections.Concurrent;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sozialplattform.Delivery.Tests.Channels.Xta;

/// <summary>
/// A local XTA sendPort (Kestrel on 127.0.0.1): accepts SOAP 1.2 <c>sendMessage</c> requests whose envelope
/// validates against the XTA schemas and answers an empty body; otherwise a SOAP fault carrying
/// <c>xta:MessageSchemaViolationException</c>. <see cref="TechnicalProblem"/> simulates a server in trouble.
/// </summary>
public sealed class XtaTestEndpoint : IAsyncDisposable
{
    private static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Xta = "http://xoev.de/transport/xta/211";
    private readonly WebApplication _app;
    private readonly XtaSchemaValidator _validator;

    private XtaTestEndpoint(WebApplication app, XtaSchemaValidator validator)
    {
        _app = app;
        _validator = validator;
        app.MapPost("/xta/send", HandleAsync);
    }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<XDocument> Accepted { get; } = new();

    public ConcurrentQueue<string> Faults { get; } = new();

    public bool TechnicalProblem { get; set; }

    public static async Task<XtaTestEndpoint> StartAsync(string schemaFolder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new XtaTestEndpoint(app, new XtaSchemaValidator(schemaFolder));
        await app.StartAsync();
        endpoint.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/xta/send";
        return endpoint;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (TechnicalProblem) return Fault("XTAWSTechnicalProblemException", "the XTA server is in maintenance");
        if (request.ContentType is null || !request.ContentType.StartsWith("application/soap+xml", StringComparison.Ordinal) || !request.ContentType.Contains("http://www.xta.de/XTA/SendMessage", StringComparison.Ordinal))
            return Fault("ParameterIsNotValidException", $"content type '{request.ContentType}' is not SOAP 1.2 with action SendMessage");
        XDocument envelope;
        try
        {
            using var reader = XmlReader.Create(request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true });
            envelope = await XDocument.LoadAsync(reader, LoadOptions.SetLineInfo, request.HttpContext.RequestAborted);
        }
        catch (XmlException e)
        {
            return Fault("MessageSchemaViolationException", $"not well-formed: {e.Message}");
        }

        var errors = _validator.Validate(envelope);
        if (errors.Count > 0) return Fault("MessageSchemaViolationException", string.Join("; ", errors));
        Accepted.Enqueue(envelope);
        return Results.Text(new XDocument(new XElement(Soap + "Envelope", new XElement(Soap + "Body"))).ToString(), "application/soap+xml; charset=utf-8");
    }

    private IResult Fault(string exception, string reason)
    {
        Faults.Enqueue($"{exception}: {reason}");
        var fault = new XElement(Soap + "Envelope", new XElement(Soap + "Body", new XElement(Soap + "Fault",
            new XElement(Soap + "Code", new XElement(Soap + "Value", "s12:Receiver")),
            new XElement(Soap + "Reason", new XElement(Soap + "Text", new XAttribute(XNamespace.Xml + "lang", "de"), reason)),
            new XElement(Soap + "Detail", new XElement(Xta + exception, new XElement(Xta + "ErrorCode", "9999"))))));
        return Results.Text(fault.ToString(), "application/soap+xml; charset=utf-8", statusCode: 500);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
