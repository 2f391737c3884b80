using Microsoft.Extensions.Logging;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>
/// "Es gibt Neuigkeiten zu Ihrem Antrag SP-…": the notice about a message or decision, without its content, on the
/// platform's one mail queue — once per message (its id is the queue key), and only when the applicant left an address.
/// </summary>
public sealed class CaseNews(StatusMailComposer composer, MailQueue queue, ILogger<CaseNews> log)
{
    public async Task QueueAsync(string tenantId, SentCaseMessage sent, CancellationToken cancellationToken)
    {
        if (sent.Notice.Email is null) return;
        var (mail, error) = composer.ComposeNews(sent.Notice);
        if (mail is null)
        {
            log.LogWarning("No notice for case message {MessageId}: {Error}", sent.MessageId, error);
            return;
        }

        await queue.EnqueueAsync(tenantId, "case.news", mail, key: $"case-news:{sent.MessageId:N}", cancellationToken: cancellationToken);
    }
}
