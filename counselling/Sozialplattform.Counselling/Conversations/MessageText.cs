namespace Sozialplattform.Counselling.Conversations;

/// <summary>The one check of a message body, for seekers and counsellors alike.</summary>
public static class MessageText
{
    public const int MaxLength = 10_000;

    /// <summary>The body as stored (trimmed), or the problem: empty, too long, or control characters other than line breaks and tabs.</summary>
    public static (string? Text, CounsellingError? Error) Check(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0) return (null, new("message", "messageMissing"));
        if (text.Length > MaxLength) return (null, new("message", "messageTooLong", MaxLength));
        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')) return (null, new("message", "messageMalformed"));
        return (text, null);
    }
}
