using Microsoft.Extensions.Logging;
using Sozialplattform.Delivery.Channels.Email;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>
/// Sends the queued e-mails (status e-mails and the mails every area queues through <see cref="MailQueue"/>): claim due
/// notifications, compose, hand to the SMTP server, then mark sent, retry later (exponential backoff) or dead (no
/// address, a broken template, or the last attempt). A crash between sending and marking sends the e-mail again after
/// the lease with the same Message-Id.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationStore store, StatusMailComposer statusMails, QueuedMailComposer queuedMails, NotificationOptions options, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}/notifications/{Guid.NewGuid():N}";

    /// <summary>One round; returns how many notifications it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await store.ClaimAsync(_worker, options.BatchSize, options.Lease, cancellationToken);
        foreach (var notification in claimed) await SendAsync(notification, cancellationToken);
        return claimed.Count;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Notification round failed; trying again after {Interval}", options.PollInterval);
            }

            if (claimed == 0) await Task.Delay(options.PollInterval, clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var (mail, error, label) = await ComposeAsync(notification, cancellationToken);
        var result = mail is null
            ? Delivery.Channels.DeliveryResult.Failed(error!, retryable: false)
            : await SmtpMailer.SendAsync(mail, options.Smtp.Server, cancellationToken);
        if (result.Success)
        {
            await store.MarkSentAsync(notification.Id, _worker, CancellationToken.None);
            logger.LogInformation("E-mail {Notification} ({Label}) sent (attempt {Attempt})", notification.Id, label, notification.Attempts);
            return;
        }

        var dead = !result.Retryable || notification.Attempts >= options.MaxAttempts;
        DateTime? retryAt = dead ? null : clock.GetUtcNow().UtcDateTime + options.RetryDelay(notification.Attempts);
        await store.MarkFailedAsync(notification.Id, _worker, $"attempt {notification.Attempts}: {result.Error}", retryAt, CancellationToken.None);
        logger.LogWarning("E-mail {Notification} ({Label}) failed ({Error}); {Next}", notification.Id, label, result.Error, dead ? "given up" : $"next attempt at {retryAt:O}");
    }

    /// <summary>The message and a label for the log without personal data (the reference number or the purpose).</summary>
    private async Task<(MimeKit.MimeMessage? Mail, string? Error, string Label)> ComposeAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (notification.Kind == NotificationKind.Mail)
        {
            var (mail, error) = queuedMails.Compose(notification);
            return (mail, error, notification.Purpose ?? "mail");
        }

        var notice = await store.LoadAsync(notification, cancellationToken);
        var (statusMail, statusError) = statusMails.Compose(notice);
        return (statusMail, statusError, "status " + notice.ReferenceNumber);
    }
}
