using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>A message of a case as both sides read it: decrypted text and the files that came with it.</summary>
public sealed record CaseMessageView(Guid Id, CaseMessageKind Kind, string Actor, string? Text, string? ReceiptNumber, DateTime At, DateTime? FirstOpenedAt, IReadOnlyList<InboxFile> Files)
{
    /// <summary>Hand-ins to a case that went out over another channel than the built-in inbox: where its follow-up delivery is; else null.</summary>
    public FollowUpState? FollowUp { get; init; }
}

/// <summary>What a new hand-in or decision carries: a file whose media type the web layer decided from its content.</summary>
public sealed record CaseFile(string FileName, string MediaType, byte[] Content);

/// <summary>Reading the messages of one case (both directions), and the limits every side's input meets.</summary>
public static class CaseMessages
{
    public const int TextMaxLength = 4000;
    public const int MaxFiles = 10;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Applicants' hand-ins: PDFs and pictures, decided from the content.</summary>
    public static readonly IReadOnlySet<string> HandInMediaTypes = new HashSet<string>(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/tiff", "image/webp"]);

    public static async Task<IReadOnlyList<CaseMessageView>> OfAsync(SozialDbContext context, DataProtector protector, Guid submissionId, CancellationToken cancellationToken)
    {
        var messages = await context.CaseMessages.AsNoTracking().Where(m => m.SubmissionId == submissionId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        if (messages.Count == 0) return [];
        var files = await context.Attachments.AsNoTracking().Where(a => a.SubmissionId == submissionId && a.MessageId != null).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new InboxFile(a.Id, a.Purpose, a.FieldPath, a.FileName, a.MediaType, a.Size, a.Sha256, a.MessageId)).ToListAsync(cancellationToken);
        var followUps = await HandInFollowUps.StatesAsync(context, submissionId, cancellationToken);
        return messages.Select(m => new CaseMessageView(m.Id, m.Kind, m.Actor, m.TextCipher is null ? null : protector.UnprotectText(m.TextCipher, m.Id), m.ReceiptNumber,
            m.CreatedAt, m.FirstOpenedAt, files.Where(f => f.MessageId == m.Id).ToList()) { FollowUp = followUps.GetValueOrDefault(m.Id) }).ToList();
    }

    /// <summary>The problem code of a message text and its files, or null: too long, too many files, too large, a type not accepted, an empty hand-in.</summary>
    public static string? Problem(string? text, IReadOnlyList<CaseFile> files, IReadOnlySet<string> mediaTypes, bool textRequired)
    {
        if (text is { Length: > TextMaxLength }) return "textTooLong";
        if (textRequired && string.IsNullOrWhiteSpace(text)) return "textMissing";
        if (files.Count > MaxFiles) return "tooManyFiles";
        if (files.Any(f => f.Content.Length > MaxFileBytes)) return "fileTooLarge";
        if (files.Any(f => f.Content.Length == 0 || !mediaTypes.Contains(f.MediaType))) return "fileType";
        if (string.IsNullOrWhiteSpace(text) && files.Count == 0) return "empty";
        return null;
    }

    /// <summary>File names as stored: no path, no control characters, at most 255 bytes.</summary>
    public static string SafeFileName(string name)
    {
        var cleaned = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "datei";
        while (System.Text.Encoding.UTF8.GetByteCount(cleaned) > 255) cleaned = cleaned[..^1];
        return cleaned;
    }
}

/// <summary>A refused hand-in or message: a problem code for the page to say in its language.</summary>
public sealed class CaseInputException(string code) : ArgumentException(code)
{
    public string Code { get; } = code;
}
