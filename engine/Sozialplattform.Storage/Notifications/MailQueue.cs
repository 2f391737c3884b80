using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Notifications;

/// <summary>
/// The one way every area (centres, appointments, case work, …) sends an e-mail: the composed mail is stored encrypted
/// in the notification queue and sent by the platform's dispatcher at its time, with retries, claimed once across hosts.
/// A deduplication key makes queueing idempotent, so a sweep that runs twice or on two hosts queues a mail once.
/// </summary>
public sealed class MailQueue(SozialDatabase database, TimeProvider? clock = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Queues <paramref name="mail"/> for <paramref name="sendAt"/> (null: now); with a known <paramref name="key"/> returns the id queued first.</summary>
    public async Task<Guid> EnqueueAsync(string tenantId, string purpose, QueuedMail mail, DateTime? sendAt = null, string? key = null, CancellationToken cancellationToken = default)
    {
        QueuedMail.Check(mail);
        if (key is not null && await FindAsync(key, cancellationToken) is { } known) return known;

        var now = _clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        await using var context = database.CreateContext();
        context.Notifications.Add(new Notification
        {
            Id = id, Kind = NotificationKind.Mail, TenantId = tenantId, Purpose = purpose, DeduplicationKey = key,
            MailCipher = database.Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(mail, Json), id),
            Status = OutboxStatus.Pending, NextAttemptAt = sendAt ?? now, CreatedAt = now,
        });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return id;
        }
        catch (DbUpdateException) when (key is not null)
        {
            return await FindAsync(key, cancellationToken) ?? throw new InvalidOperationException($"Queueing the mail '{purpose}' failed and no mail with its key exists.");
        }
    }

    /// <summary>Withdraws a mail that still waits (neither being sent nor sent); true when withdrawn.</summary>
    public async Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Notifications
            .Where(n => n.DeduplicationKey == key && n.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, OutboxStatus.Cancelled).SetProperty(n => n.MailCipher, (byte[]?)null), cancellationToken) == 1;
    }

    /// <summary>The composed mail of a queued row, decrypted.</summary>
    public QueuedMail Read(Notification notification) =>
        notification.Kind == NotificationKind.Mail && notification.MailCipher is { } cipher
            ? JsonSerializer.Deserialize<QueuedMail>(database.Protector.Unprotect(cipher, notification.Id), Json)
              ?? throw new InvalidDataException($"Notification {notification.Id} holds no mail.")
            : throw new InvalidOperationException($"Notification {notification.Id} is not a queued mail.");

    private async Task<Guid?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Notifications.Where(n => n.DeduplicationKey == key).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A mail composed by its area, in the recipient's language; sender and Message-Id are added when it is sent.</summary>
public sealed record QueuedMail(string To, string Subject, string TextBody, string Language, IReadOnlyList<MailAttachment>? Attachments = null, string? HtmlBody = null)
{
    internal static void Check(QueuedMail mail)
    {
        if (string.IsNullOrWhiteSpace(mail.To) || !mail.To.Contains('@', StringComparison.Ordinal))
            throw new ArgumentException($"A queued mail needs a recipient address, got '{mail.To}'.", nameof(mail));
        if (string.IsNullOrWhiteSpace(mail.Subject) || mail.Subject.Contains('\n', StringComparison.Ordinal))
            throw new ArgumentException("A queued mail needs a one-line subject.", nameof(mail));
    }
}

/// <summary>A file sent with a mail, e.g. <c>termin.ics</c> as <c>text/calendar; method=REQUEST</c>.</summary>
public sealed record MailAttachment(string FileName, string MediaType, byte[] Content);
