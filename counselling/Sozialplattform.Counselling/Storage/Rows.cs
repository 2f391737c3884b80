namespace Sozialplattform.Counselling.Storage;

/// <summary>
/// A person seeking counselling: a pseudonym and a password, nothing else required. The pseudonym is stored encrypted
/// (with the seeker's id as associated data) and found through a blind index; the password and the recovery code only
/// as hashes; the optional e-mail address for notices only encrypted.
/// </summary>
public sealed class SeekerRow
{
    public Guid Id { get; set; }
    public required string Tenant { get; set; }

    /// <summary>HMAC of the normalised pseudonym under the data key: unique per tenant, reveals nothing without the key.</summary>
    public required string PseudonymIndex { get; set; }
    public required byte[] PseudonymCipher { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>SHA-256 of the recovery code shown once at registration (about 100 random bits; a new one after every reset).</summary>
    public required string RecoveryCodeHash { get; set; }
    public byte[]? EmailCipher { get; set; }
    public required string Language { get; set; }

    /// <summary>Carried by every session; renewed at logout and password reset, so older sessions end.</summary>
    public required string SecurityStamp { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActiveAt { get; set; }
}

public enum ConversationState
{
    /// <summary>In the centre's pool: every counsellor and lead of the centre sees it, none has taken it.</summary>
    New,

    /// <summary>Taken by one counsellor: only they and the centre's leads see it.</summary>
    Open,

    /// <summary>Ended by the counsellor or the seeker: readable, no more replies.</summary>
    Closed,
}

/// <summary>
/// One conversation of a seeker with a centre. Its messages are encrypted with a key of its own (<see cref="WrappedKey"/>:
/// 32 random bytes, encrypted with the platform's data key and the conversation's id), so deleting the row makes its
/// messages unreadable even in a backup that still holds them.
/// </summary>
public sealed class ConversationRow
{
    public Guid Id { get; set; }
    public required string Tenant { get; set; }
    public Guid SeekerId { get; set; }
    public Guid CentreId { get; set; }
    public required string Topic { get; set; }
    public ConversationState State { get; set; }
    public Guid? CounsellorId { get; set; }
    public required byte[] WrappedKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>When the seeker was told that retention deletes the conversation soon; cleared by new activity.</summary>
    public DateTime? RetentionWarnedAt { get; set; }

    /// <summary>When staff moved the ended conversation to the centre's archive (read-only; retention counts from <see cref="ClosedAt"/>).</summary>
    public DateTime? ArchivedAt { get; set; }
}

public enum MessageAuthor { Seeker, Counsellor }

/// <summary>One message; the body only encrypted with its conversation's key (the message id as associated data).</summary>
public sealed class MessageRow
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public MessageAuthor Author { get; set; }

    /// <summary>The centre account that wrote it (counsellor messages only).</summary>
    public Guid? CounsellorId { get; set; }
    public required byte[] BodyCipher { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A file that came with a message: its name and content only encrypted with the conversation's key (the attachment's id
/// as associated data); type, size and SHA-256 of the plain bytes in the clear, like the platform's uploads.
/// </summary>
public sealed class AttachmentRow
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid MessageId { get; set; }

    /// <summary>The file's place among its message's files, as they were posted.</summary>
    public int Position { get; set; }
    public required string MediaType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] NameCipher { get; set; }
    public required byte[] ContentCipher { get; set; }
    public DateTime At { get; set; }
}

public enum TeamRole
{
    /// <summary>Takes enquiries from the centre's pool and answers the conversations they took.</summary>
    Counsellor,

    /// <summary>Sees every conversation of the centre (and takes enquiries like a counsellor).</summary>
    Lead,

    /// <summary>The data-protection officer: reads the centre's access log (who opened which conversation, when), no conversation.</summary>
    DataProtection,
}

/// <summary>
/// A centre account's role in the online counselling of one centre. The centres' accounts stay as they are; without a
/// row here a staff account keeps its centre's record but reads no conversation (a carrier's admin is a lead of its
/// carrier's centres without a row).
/// </summary>
public sealed class TeamMemberRow
{
    public Guid AccountId { get; set; }
    public Guid CentreId { get; set; }
    public TeamRole Role { get; set; }

    /// <summary>Where this member's content-free notices go (encrypted); none: the centre's own address.</summary>
    public byte[]? NoticeEmailCipher { get; set; }

    /// <summary>The name seekers may read (a first name or an initial — never the login), e.g. as the deputy in an absence note.</summary>
    public string? DisplayName { get; set; }
}

/// <summary>
/// A counsellor's absence from one centre's counselling: the first and last day (inclusive, the calendar of
/// Europe/Berlin) and the colleague of the same centre who deputises — who reads the absent counsellor's conversations
/// on those days. One per account and centre (a new one replaces it).
/// </summary>
public sealed class AbsenceRow
{
    public Guid AccountId { get; set; }
    public Guid CentreId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public Guid DeputyId { get; set; }
}

/// <summary>A centre's own settings of the online counselling (set by its leads): the reply time seekers are told.</summary>
public sealed class CentreSettingsRow
{
    public Guid CentreId { get; set; }

    /// <summary>"Antwort in der Regel innerhalb von n Werktagen."</summary>
    public int ReplyDays { get; set; }
}

/// <summary>A text block of a centre (kept by its leads) that counsellors put into a reply: a title to choose it by, and the text.</summary>
public sealed class TextBlockRow
{
    public Guid Id { get; set; }
    public Guid CentreId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
