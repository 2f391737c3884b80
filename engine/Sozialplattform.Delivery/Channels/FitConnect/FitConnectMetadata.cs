using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>
/// Builds the metadata (schema <c>https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json</c>):
/// SHA-512 over the plain data and each plain attachment, the data's schema URI, the attachments with
/// purpose (the PDF is <c>form</c>), the service type and the sender reference (reference number and delivery id).
/// </summary>
internal static class FitConnectMetadata
{
    public static JsonObject Build(DeliveryPackage package, byte[] data, string schemaUri, string? leikaKey, IReadOnlyList<(Guid Id, DeliveryFile File, string Purpose)> attachments) =>
        Build(SenderReference(package), package.SubmittedAt, package.FormTitle, data, schemaUri, leikaKey, attachments);

    public static JsonObject Build(string senderReference, DateTime applicationDate, string formTitle, byte[] data, string schemaUri, string? leikaKey, IReadOnlyList<(Guid Id, DeliveryFile File, string Purpose)> attachments)
    {
        var metadata = new JsonObject
        {
            ["$schema"] = "https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json",
            ["contentStructure"] = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["hash"] = Hash(data),
                    ["submissionSchema"] = new JsonObject { ["schemaUri"] = schemaUri, ["mimeType"] = "application/json" },
                },
                ["attachments"] = new JsonArray(attachments.Select(a => (JsonNode)new JsonObject
                {
                    ["hash"] = Hash(a.File.Content),
                    ["purpose"] = a.Purpose,
                    ["filename"] = a.File.FileName,
                    ["mimeType"] = a.File.MediaType,
                    ["attachmentId"] = a.Id.ToString(),
                }).ToArray()),
            },
            ["additionalReferenceInfo"] = new JsonObject
            {
                ["senderReference"] = senderReference,
                ["applicationDate"] = applicationDate.ToString("yyyy-MM-dd"),
            },
        };
        if (leikaKey is not null)
            metadata["publicServiceType"] = new JsonObject { ["identifier"] = ServiceIdentifier(leikaKey), ["name"] = formTitle };
        return metadata;
    }

    public static string ServiceIdentifier(string leikaKey) => $"urn:de:fim:leika:leistung:{leikaKey}";

    /// <summary>The same on every retry of a delivery, so the receiving system can spot a repeat.</summary>
    public static string SenderReference(DeliveryPackage package) => $"{package.ReferenceNumber}/{package.DeliveryId}";

    /// <summary>Attachment ids derived from the delivery id: stable across retries, UUID version 4 layout as the API expects.</summary>
    public static Guid AttachmentId(Guid deliveryId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        deliveryId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], index);
        var bytes = SHA256.HashData(input)[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static JsonObject Hash(byte[] content) => new() { ["type"] = "sha512", ["content"] = Convert.ToHexStringLower(SHA512.HashData(content)) };
}
