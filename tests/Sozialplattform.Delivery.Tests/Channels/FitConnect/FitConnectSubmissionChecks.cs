using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Jose;
using NJsonSchema;

namespace Sozialplattform.Delivery.Tests.Channels.FitConnect;

/// <summary>
/// What a receiving system checks: each JWE is RSA-OAEP-256/A256GCM to the destination key (JSON parts with
/// cty application/json), the metadata validates against the official schema, the SHA-512 hashes match the
/// decrypted data and attachments, the attachments are exactly those announced, and the data validates
/// against the schema named by its schemaUri.
/// </summary>
public sealed class FitConnectSubmissionChecks(RSA privateKey, JsonSchema metadataSchema, IReadOnlyDictionary<string, JsonSchema> dataSchemas)
{
    public (byte[]? Plain, string? Problem) Decrypt(string? jwe, bool expectJson)
    {
        if (string.IsNullOrEmpty(jwe) || jwe.Split('.').Length != 5) return (null, "not a JWE in compact serialisation");
        try
        {
            var headers = (JsonObject)JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwe.Split('.')[0]))!;
            if ((string?)headers["alg"] != "RSA-OAEP-256" || (string?)headers["enc"] != "A256GCM") return (null, $"alg/enc are {headers["alg"]}/{headers["enc"]}, expected RSA-OAEP-256/A256GCM");
            if ((string?)headers["kid"] != FitConnectTestServer.Kid) return (null, $"kid is {headers["kid"]}");
            if (expectJson && (string?)headers["cty"] != "application/json") return (null, "cty must be application/json");
            return (JWE.Decrypt(jwe, privateKey, JweAlgorithm.RSA_OAEP_256, JweEncryption.A256GCM).PlaintextBytes, null);
        }
        catch (Exception e) when (e is JoseException or CryptographicException or ArgumentException or FormatException or System.Text.Json.JsonException or InvalidCastException)
        {
            return (null, $"cannot decrypt: {e.Message}");
        }
    }

    public (ReceivedSubmission? Received, IReadOnlyList<string> Problems) Check(OpenSubmission submission, string? encryptedMetadata, string? encryptedData)
    {
        var problems = new List<string>();
        var (metadataBytes, metadataProblem) = Decrypt(encryptedMetadata, expectJson: true);
        var (data, dataProblem) = Decrypt(encryptedData, expectJson: true);
        if (metadataProblem is not null) problems.Add($"encryptedMetadata: {metadataProblem}");
        if (dataProblem is not null) problems.Add($"encryptedData: {dataProblem}");
        if (problems.Count > 0) return (null, problems);

        var metadataText = Encoding.UTF8.GetString(metadataBytes!);
        problems.AddRange(metadataSchema.Validate(metadataText).Select(e => $"metadata {e.Path}: {e.Kind}"));
        var metadata = (JsonObject)JsonNode.Parse(metadataText)!;
        var content = metadata["contentStructure"];
        if ((string?)content?["data"]?["hash"]?["content"] != Sha512(data!)) problems.Add("metadata: data hash does not match the decrypted data");

        var listed = (content?["attachments"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (!listed.Select(a => (string?)a["attachmentId"]).Order().SequenceEqual(submission.Announced.Order())) problems.Add("metadata: attachments differ from the announced ones");
        foreach (var attachment in listed)
            if (submission.Attachments.TryGetValue((string?)attachment["attachmentId"] ?? "", out var bytes) && (string?)attachment["hash"]?["content"] != Sha512(bytes))
                problems.Add($"metadata: hash of attachment {attachment["attachmentId"]} does not match");

        var schemaUri = (string?)content?["data"]?["submissionSchema"]?["schemaUri"] ?? "";
        var dataText = Encoding.UTF8.GetString(data!);
        if (!dataSchemas.TryGetValue(schemaUri, out var dataSchema)) problems.Add($"data: unknown schemaUri '{schemaUri}'");
        else problems.AddRange(dataSchema.Validate(dataText).Select(e => $"data {e.Path}: {e.Kind}"));

        return problems.Count > 0
            ? (null, problems)
            : (new ReceivedSubmission(submission.SubmissionId, metadata, dataText, new Dictionary<string, byte[]>(submission.Attachments), submission.ServiceIdentifier), problems);
    }

    private static string Sha512(byte[] content) => Convert.ToHexStringLower(SHA512.HashData(content));
}
