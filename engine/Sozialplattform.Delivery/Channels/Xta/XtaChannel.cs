using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Delivery.Channels.Xta;

/// <summary>
/// XTA 2 sender: posts the <c>sendMessage</c> SOAP 1.2 request (see <see cref="XtaMessage"/>) to the configured
/// endpoint. A SOAP fault is a failure; schema and permission faults are final, technical problems are retried.
/// </summary>
public sealed class XtaChannel(HttpClient http) : Channel<XtaChannelOptions>, IFollowUpChannel
{
    public const string Name = "xta";

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(XtaChannelOptions options) => options.Problems();

    protected override ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, XtaChannelOptions options, CancellationToken cancellationToken) =>
        SendAsync(XtaMessage.Build(package, options), package.DeliveryId, options, cancellationToken);

    /// <summary>A hand-in as its own XTA message whose <c>MsgIdentification</c> answers the submission's message (<c>In-Reply-To</c>).</summary>
    public ValueTask<DeliveryResult> DeliverFollowUpAsync(FollowUpPackage package, CancellationToken cancellationToken) =>
        WithOptionsAsync(package, options => SendAsync(XtaMessage.BuildFollowUp(package, options), package.DeliveryId, options, cancellationToken));

    private async ValueTask<DeliveryResult> SendAsync(XDocument envelope, Guid deliveryId, XtaChannelOptions options, CancellationToken cancellationToken)
    {
        using var content = new StringContent(envelope.Declaration + envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{XtaMessage.SendMessageAction}\"");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await http.PostAsync(options.Endpoint, content, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode) return DeliveryResult.Delivered($"XTA {XtaMessage.MessageId(deliveryId)} accepted by {options.Endpoint}");
            var (fault, retryable) = ReadFault(text);
            return DeliveryResult.Failed($"XTA sendMessage to {options.Endpoint}: HTTP {(int)response.StatusCode} {fault}", retryable || (int)response.StatusCode >= 500 && fault.Length == 0);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed($"XTA sendMessage to {options.Endpoint}: {e.Message}");
        }
    }

    /// <summary>The fault's reason and the XTA exception named in its detail; technical problems may be retried.</summary>
    private static (string Text, bool Retryable) ReadFault(string body)
    {
        try
        {
            var fault = XDocument.Parse(body).Descendants(XtaMessage.Soap + "Fault").FirstOrDefault();
            if (fault is null) return ("", false);
            var reason = fault.Descendants(XtaMessage.Soap + "Text").FirstOrDefault()?.Value ?? "";
            var exception = fault.Element(XtaMessage.Soap + "Detail")?.Elements().FirstOrDefault()?.Name.LocalName ?? "";
            return ($"{exception}: {reason}".Trim(' ', ':'), exception is "XTAWSTechnicalProblemException" or "");
        }
        catch (XmlException)
        {
            return (body.Length > 300 ? body[..300] : body, false);
        }
    }
}
