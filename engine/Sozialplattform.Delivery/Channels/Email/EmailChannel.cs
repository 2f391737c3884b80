using System.Text;
using MimeKit;

namespace Sozialplattform.Delivery.Channels.Email;

/// <summary>
/// Sends the submission as an e-mail: body from <see cref="IDeliveryTextRenderer"/>, the PDF, the answers as
/// JSON and XML and every upload attached. The Message-Id is derived from the delivery id, so a repeated
/// delivery carries the same Message-Id and a mail system can recognise it.
/// </summary>
public sealed class EmailChannel(IDeliveryTextRenderer renderer) : Channel<EmailChannelOptions>, IFollowUpChannel
{
    public const string Name = "email";

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(EmailChannelOptions options) => options.Problems();

    protected override async ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, EmailChannelOptions options, CancellationToken cancellationToken)
    {
        var result = await SmtpMailer.SendAsync(Compose(package, options), options.Server, cancellationToken);
        return result.Success || result.Retryable ? result : DeliveryResult.Failed($"email channel of '{package.Authority.Id}': {result.Error}", retryable: false);
    }

    /// <summary>A hand-in as a new e-mail to the same mailbox, answering the submission's mail (In-Reply-To, References).</summary>
    public ValueTask<DeliveryResult> DeliverFollowUpAsync(FollowUpPackage package, CancellationToken cancellationToken) =>
        WithOptionsAsync(package, async options =>
        {
            var result = await SmtpMailer.SendAsync(ComposeFollowUp(package, options), options.Server, cancellationToken);
            return result.Success || result.Retryable ? result : DeliveryResult.Failed($"email channel of '{package.Authority.Id}': {result.Error}", retryable: false);
        });

    internal MimeMessage ComposeFollowUp(FollowUpPackage package, EmailChannelOptions options)
    {
        var text = renderer.RenderFollowUp(package);
        var message = new MimeMessage { Subject = text.Subject, MessageId = $"{package.DeliveryId:N}@sozialplattform.delivery" };
        var original = $"{package.OriginalDeliveryId:N}@sozialplattform.delivery";
        message.InReplyTo = original;
        message.References.Add(original);
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(options.To));
        message.Headers.Add("X-Sozialplattform-Delivery-Id", package.DeliveryId.ToString());
        message.Headers.Add("X-Sozialplattform-Reference", package.ReferenceNumber);
        message.Headers.Add("X-Sozialplattform-Receipt", package.ReceiptNumber);

        var body = new BodyBuilder { TextBody = text.Body };
        foreach (var file in package.Files)
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.MediaType));
        message.Body = body.ToMessageBody();
        return message;
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
}
