namespace Sozialplattform.Storage.Uploads;

/// <summary>
/// The media type of an upload, decided from its first bytes — never from the name or the browser's claim — so a
/// file field's <c>accept</c> cannot be passed with a renamed file. Unknown content is <c>application/octet-stream</c>. The one
/// check of every upload: the portal's file fields and hand-ins, the case API, the counselling's attachments.
/// </summary>
public static class MediaTypes
{
    private static readonly (byte[] Signature, int Offset, string MediaType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ("GIF87a"u8.ToArray(), 0, "image/gif"),
        ("GIF89a"u8.ToArray(), 0, "image/gif"),
        ([(byte)'I', (byte)'I', 0x2A, 0x00], 0, "image/tiff"),
        ([(byte)'M', (byte)'M', 0x00, 0x2A], 0, "image/tiff"),
        ("WEBP"u8.ToArray(), 8, "image/webp"),
    ];

    public static string Detect(ReadOnlySpan<byte> content)
    {
        foreach (var (signature, offset, mediaType) in Signatures)
            if (content.Length >= offset + signature.Length && content.Slice(offset, signature.Length).SequenceEqual(signature))
                return mediaType;
        return "application/octet-stream";
    }
}
