using MimeKit;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>Turns a mail an area queued (<see cref="MailQueue"/>) into the message sent: the platform's sender, a Message-Id stable across retries.</summary>
public sealed class QueuedMailComposer(MailQueue queue, NotificationOptions options)
{
    public (MimeMessage? Mail, string? Error) Compose(Notification notification)
    {
        var queued = queue.Read(notification);
        if (!MailboxAddress.TryParse(queued.To, out var to)) return (null, "the queued mail has no usable e-mail address");

        var body = new TextPart("plain") { Text = queued.TextBody };
        MimeEntity content = body;
        if (queued.HtmlBody is not null)
            content = new MultipartAlternative { body, new TextPart("html") { Text = queued.HtmlBody } };
        if (queued.Attachments is { Count: > 0 } attachments)
        {
            var mixed = new Multipart("mixed") { content };
            foreach (var attachment in attachments)
            {
                mixed.Add(new MimePart(ContentType.Parse(attachment.MediaType))
                {
                    Content = new MimeContent(new MemoryStream(attachment.Content)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = attachment.FileName,
                });
            }
            content = mixed;
        }

        var mail = new MimeMessage { Subject = queued.Subject, MessageId = $"{notification.Id:N}@sozialplattform.notification", Body = content };
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(to);
        mail.Headers.Add(HeaderId.ContentLanguage, queued.Language);
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        return (mail, null);
    }
}
