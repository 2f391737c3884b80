using System.Security.Cryptography;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// The key per conversation: 32 random bytes, stored only wrapped by the platform's data key (AES-GCM, the conversation's
/// id as associated data); message bodies are encrypted with it by the platform's own <see cref="DataProtector"/> (the
/// message's id as associated data), so a body copied into another message or conversation does not decrypt.
/// </summary>
internal static class ConversationCipher
{
    public static byte[] NewWrappedKey(DataProtector platform, Guid conversationId) =>
        platform.Protect(RandomNumberGenerator.GetBytes(32), conversationId);

    public static DataProtector Open(DataProtector platform, ConversationRow conversation) =>
        new(platform.Unprotect(conversation.WrappedKey, conversation.Id));
}
