using System.Data.Common;
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

    /// <summary>
    /// Queues <paramref name="mail"/> for <paramref name="sendAt"/> (null: now); with a known <paramref name="key"/> returns the id queued first.
    /// With <paramref name="enlistIn"/> the row is written in that transaction of the platform database (an area's step and
    /// its mail commit or roll back together); a key that another writer queued meanwhile then fails the transaction.
    /// </summary>
    public async Task<Guid> EnqueueAsync(string tenantId, string purpose, QueuedMail mail, DateTime? sendAt = null, string? key = null, CancellationToken cancellationToken = default,
        DbTransaction? enlistIn = null)
    {
        QueuedMail.Check(mail);
        await using var context = CreateContext(enlistIn);
        if (key is not null && await FindAsync(context, key, cancellationToken) is { } known) return known;

        var now = _clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        context.Notifications.Add(new Notification
        {
            Id = id, Kind = NotificationKind.Mail, TenantId = tenantId, Purpose = purpose, DeduplicationKey = key,
            MailCipher = database.Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(mail, Json), id),
            Status = OutboxStatus.Pending, NextAttemptAt = sendAt ?? now, CreatedAt = now,
        });
        try
        {
            // Enlisted, the caller's transaction already writes; alone, the mail waits for the SQLite writer like every other write.
            using (enlistIn is null ? await database.EnterWriteAsync(cancellationToken) : null)
                await context.SaveChangesAsync(cancellationToken);
            return id;
        }
        catch (DbUpdateException) when (key is not null && enlistIn is null)
        {
            await using var fresh = CreateContext(null);
            return await FindAsync(fresh, key, cancellationToken) ?? throw new InvalidOperationException($"Queueing the mail '{purpose}' failed and no mail with its key exists.");
        }
    }

    /// <summary>Withdraws a mail that still waits (neither being sent nor sent); true when withdrawn. <paramref name="enlistIn"/>: as for <see cref="EnqueueAsync"/>.</summary>
    public async Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default, DbTransaction? enlistIn = null)
    {
        await using var context = CreateContext(enlistIn);
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

    private static async Task<Guid?> FindAsync(SozialDbContext context, string key, CancellationToken cancellationToken) =>
        await context.Notifications.Where(n => n.DeduplicationKey == key).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A context of its own, or one on the connection and inside the transaction of another area's context (same database).</summary>
    private SozialDbContext CreateContext(DbTransaction? enlistIn)
    {
        var context = database.CreateContext();
        if (enlistIn is null) return context;
        context.Database.SetDbConnection(enlistIn.Connection, contextOwnsConnection: false);
        context.Database.UseTransaction(enlistIn);
        return context;
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
