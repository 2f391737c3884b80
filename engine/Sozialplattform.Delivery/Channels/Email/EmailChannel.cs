using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Sozialplattform.Delivery.Channels.Email;

/// <summary>
/// Sends the submission as an e-mail: body from <see cref="IDeliveryTextRenderer"/>, the PDF, the answers as
/// JSON and XML and every upload attached. The Message-Id is derived from the delivery id, so a repeated
/// delivery carries the same Message-Id and a mail system can recognise it.
/// </summary>
public sealed class EmailChannel(IDeliveryTextRenderer renderer) : Channel<EmailChannelOptions>
{
    public const string Name = "email";

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(EmailChannelOptions options) => options.Problems();

    protected override async ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, EmailChannelOptions options, CancellationToken cancellationToken)
    {
        string? password = null;
        if (options.PasswordVariable is { } variable && (password = Environment.GetEnvironmentVariable(variable)) is null)
            return DeliveryResult.Failed($"email channel of '{package.Authority.Id}': environment variable {variable} (SMTP password) is not set", retryable: false);

        var message = Compose(package, options);
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, Socket(options.Security), cancellationToken);
            if (options.UserName is not null) await client.AuthenticateAsync(options.UserName, password ?? "", cancellationToken);
            var response = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Delivered($"smtp {options.Host}:{options.Port}: {response}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or TimeoutException)
        {
            return DeliveryResult.Failed($"email to {options.To} via {options.Host}:{options.Port} failed: {e.Message}");
        }
    }

    internal MimeMessage Compose(DeliveryPackage package, EmailChannelOptions options)
    {
        var text = renderer.Render(package);
        var message = new MimeMessage { Subject = text.Subject, MessageId = $"{package.DeliveryId:N}@sozialplattform.delivery" };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(options.To));
        message.Headers.Add("X-Sozialplattform-Delivery-Id", package.DeliveryId.ToString());
        message.Headers.Add("X-Sozialplattform-Reference", package.ReferenceNumber);

        var body = new BodyBuilder { TextBody = text.Body };
        body.Attachments.Add(package.Pdf.FileName, package.Pdf.Content, ContentType.Parse("application/pdf"));
        body.Attachments.Add("antrag.json", Encoding.UTF8.GetBytes(package.AnswersJson), ContentType.Parse("application/json; charset=utf-8"));
        body.Attachments.Add("antrag.xml", Encoding.UTF8.GetBytes(Answers.AnswersXml.Text(package.AnswersXml)), ContentType.Parse("application/xml; charset=utf-8"));
        if (package.AnswersXsd is { } xsd)
            body.Attachments.Add("antrag.xsd", Encoding.UTF8.GetBytes(Answers.AnswersXml.Text(xsd)), ContentType.Parse("application/xml; charset=utf-8"));
        foreach (var file in package.Attachments)
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.MediaType));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Socket(string security) => security switch
    {
        "none" => SecureSocketOptions.None,
        "sslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
