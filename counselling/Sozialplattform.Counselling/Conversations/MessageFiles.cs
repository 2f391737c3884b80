using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// The one check of files that come with a message, for seekers and counsellors alike: PDF, JPEG or PNG decided from the
/// content (the platform's <c>MediaTypes.Detect</c>, done by the web when it reads the upload — never the name or the
/// browser's claim), at most <see cref="MaxFileBytes"/> each and <see cref="MaxPerMessage"/> per message; names without
/// path or control characters (<see cref="CaseMessages.SafeFileName"/>, the platform's). How many a conversation may
/// hold in all is counted where the message is stored (<see cref="ConversationStore"/>), under the conversation's lock.
/// </summary>
public static class MessageFiles
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxPerMessage = 3;
    public const int DefaultMaxPerConversation = 20;

    public static readonly IReadOnlySet<string> MediaTypes = new HashSet<string>(["application/pdf", "image/jpeg", "image/png"]);

    /// <summary>The files as stored (safe names), or the first problem: too many, too large, empty, or not a PDF, JPEG or PNG by content.</summary>
    public static (IReadOnlyList<CaseFile> Files, CounsellingError? Error) Check(IReadOnlyList<CaseFile> files)
    {
        if (files.Count > MaxPerMessage) return ([], new("files", "filesTooMany", MaxPerMessage));
        var safe = files.Select(f => f with { FileName = CaseMessages.SafeFileName(f.FileName) }).ToList();
        foreach (var file in safe)
        {
            if (file.Content.Length > MaxFileBytes) return ([], new("files", "fileTooLarge", file.FileName, MaxFileBytes / (1024 * 1024)));
            if (file.Content.Length == 0 || !MediaTypes.Contains(file.MediaType)) return ([], new("files", "fileType", file.FileName));
        }

        return (safe, null);
    }
}
