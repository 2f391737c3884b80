using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Storage.Crypto.Rotation;

namespace Sozialplattform.Counselling.Storage;

/// <summary>
/// The counselling's columns under the data key. Messages and attachments are encrypted with their conversation's own key,
/// which is stored wrapped by the data key: a rotation re-wraps that key (<c>WrappedKey</c>) and leaves the messages as they are.
/// </summary>
public static class CounsellingEncryptedColumns
{
    public static AreaColumns Columns { get; } = new(
        [
            EncryptedColumn.OwnedById("counselling", "counselling_seekers", "PseudonymCipher"),
            EncryptedColumn.OwnedById("counselling", "counselling_seekers", "EmailCipher"),
            EncryptedColumn.OwnedById("counselling", "counselling_conversations", "WrappedKey"),
            new("counselling", "counselling_team", "NoticeEmailCipher", ["AccountId", "CentreId"], ["AccountId", "CentreId"],
                v => CounsellingTeam.Owner(EncryptedColumn.AsGuid(v[0]), EncryptedColumn.AsGuid(v[1]))),
        ],
        new Dictionary<string, string>
        {
            ["counselling_messages.BodyCipher"] = "under the conversation's key (re-wrapped with WrappedKey)",
            ["counselling_attachments.NameCipher"] = "under the conversation's key (re-wrapped with WrappedKey)",
            ["counselling_attachments.ContentCipher"] = "under the conversation's key (re-wrapped with WrappedKey)",
        });
}
