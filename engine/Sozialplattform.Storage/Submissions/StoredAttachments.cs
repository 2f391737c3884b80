using System.Security.Cryptography;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Submissions;

/// <summary>Builds an attachment row: checksum of the plain bytes, bytes encrypted under the attachment's own id.</summary>
internal static class StoredAttachments
{
    public static Attachment Create(DataProtector protector, AttachmentPurpose purpose, string? fieldPath, string fileName, string mediaType, byte[] content, DateTime now, Guid? submissionId = null, Guid? draftId = null)
    {
        var id = Guid.CreateVersion7();
        return new Attachment
        {
            Id = id,
            SubmissionId = submissionId,
            DraftId = draftId,
            Purpose = purpose,
            FieldPath = fieldPath,
            FileName = fileName,
            Size = content.Length,
            MediaType = mediaType,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            ContentCipher = protector.Protect(content, id),
            CreatedAt = now,
        };
    }
}
