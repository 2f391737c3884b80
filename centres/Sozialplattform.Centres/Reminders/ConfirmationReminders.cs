using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Centres.Reminders;

public enum ReminderKind
{
    /// <summary>To the centre: please confirm your data (after <see cref="CentresOptions.ReminderAfterMonths"/>).</summary>
    Confirm,

    /// <summary>To the editorial team: the centre is hidden from the finder (after <see cref="CentresOptions.HideAfterMonths"/>).</summary>
    Hidden,
}

/// <summary>The text of a reminder, composed by the web layer in the recipient's language (the centres' self-service texts).</summary>
public delegate QueuedMail ReminderComposer(ReminderKind kind, CentreRow centre, CentreRecord record, string to);

/// <summary>
/// "Daten bestätigen": one sweep over the tenant's published centres queues the due mails in the platform's one mail
/// queue — the centre is asked to confirm once per unconfirmed period, and the editorial team is told once when the
/// centre is hidden. Each mail's key names the centre and the confirmation it is about, so a sweep that runs again, after
/// a restart or on several hosts at once, queues nothing twice; a new confirmation starts a new period. Example data is
/// neither reminded nor hidden.
/// </summary>
public sealed class ConfirmationReminders(CentreStore store, MailQueue mails, CentresOptions options, ReminderComposer compose, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Queues the due mails (a mail queued before with its key is not queued again); returns how many were due.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var centre in await store.PublishedAsync(options.Tenant, cancellationToken))
        {
            var record = CentreJson.Read(centre.Published!);
            if (record.Example) continue;
            var confirmed = centre.LastConfirmedAt ?? centre.PublishedAt ?? centre.CreatedAt;
            var period = $"{centre.Id:N}:{confirmed:yyyyMMddHHmmss}";
            if (confirmed.AddMonths(options.ReminderAfterMonths) <= now && record.Email is { Length: > 0 } email && !(centre.ReminderSentAt >= confirmed))
                queued += await QueueAsync(ReminderKind.Confirm, centre, record, email, $"centre-confirm-reminder:{period}", cancellationToken);
            if (confirmed.AddMonths(options.HideAfterMonths) <= now && options.EditorialEmail is { } editorial)
                queued += await QueueAsync(ReminderKind.Hidden, centre, record, editorial, $"centre-hidden:{period}", cancellationToken);
        }

        return queued;
    }

    private async Task<int> QueueAsync(ReminderKind kind, CentreRow centre, CentreRecord record, string to, string key, CancellationToken cancellationToken)
    {
        var purpose = kind == ReminderKind.Confirm ? "centre.confirm-reminder" : "centre.hidden";
        await mails.EnqueueAsync(options.Tenant, purpose, compose(kind, centre, record, to), key: key, cancellationToken: cancellationToken);
        if (kind == ReminderKind.Confirm) await store.MarkRemindedAsync(centre.Id, _clock.GetUtcNow().UtcDateTime, cancellationToken);
        return 1;
    }
}
