using System.Text;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>
/// FIT-Connect sender (Submission API v1): token → destination and its encryption key → create the
/// submission with announced attachments → upload each attachment as JWE → send metadata and data as JWE.
/// </summary>
public sealed class FitConnectChannel(HttpClient http, TimeProvider clock) : Channel<FitConnectChannelOptions>
{
    public const string Name = "fitconnect";
    private readonly FitConnectApi _api = new(http, clock);

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(FitConnectChannelOptions options) => options.Problems();

    protected override async ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, FitConnectChannelOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return DeliveryResult.Delivered(await SendAsync(package, options, cancellationToken));
        }
        catch (FitConnectException e)
        {
            return DeliveryResult.Failed($"FIT-Connect to destination {options.DestinationId}: {e.Message}", e.Retryable);
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Failed($"FIT-Connect to destination {options.DestinationId}: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed($"FIT-Connect to destination {options.DestinationId}: timed out ({e.Message})");
        }
    }

    private async Task<string> SendAsync(DeliveryPackage package, FitConnectChannelOptions options, CancellationToken cancellationToken)
    {
        var leikaKey = package.LeikaKey ?? options.LeikaKey
            ?? throw new FitConnectException($"form '{package.FormId}' has no LeiKa key and the channel sets no leikaKey; FIT-Connect needs the service identifier");
        if (package.AnswersSchema is null)
            throw new FitConnectException($"no answers JSON Schema for {package.FormId} {package.FormVersion}; the host must provide it (IAnswersSchemaSource)");
        var secret = options.ClientSecret ?? Environment.GetEnvironmentVariable(options.ClientSecretVariable!)
            ?? throw new FitConnectException($"environment variable {options.ClientSecretVariable} (client secret) is not set");

        var api = options.SubmissionApiUrl.TrimEnd('/') + "/v1";
        var token = await _api.TokenAsync(options, secret, cancellationToken);
        var (kid, jwk) = await _api.DestinationKeyAsync(api, options.DestinationId, token, cancellationToken);
        using var encryptor = JweEncryptor.FromJwk(jwk, kid);

        var files = new List<(Guid Id, DeliveryFile File, string Purpose)> { (FitConnectMetadata.AttachmentId(package.DeliveryId, 0), package.Pdf, "form") };
        files.AddRange(package.Attachments.Select((a, i) => (FitConnectMetadata.AttachmentId(package.DeliveryId, i + 1), a, "attachment")));

        var created = await _api.PostJsonAsync($"{api}/submissions", new JsonObject
        {
            ["destinationId"] = options.DestinationId,
            ["announcedAttachments"] = new JsonArray(files.Select(f => (JsonNode)f.Id.ToString()).ToArray()),
            ["serviceType"] = new JsonObject { ["name"] = package.FormTitle, ["identifier"] = FitConnectMetadata.ServiceIdentifier(leikaKey) },
        }, token, "create submission", cancellationToken);
        var submissionId = (string?)created["submissionId"] ?? throw new FitConnectException("create submission: the answer has no submissionId");

        foreach (var (id, file, _) in files)
            await _api.PutJoseAsync($"{api}/submissions/{submissionId}/attachments/{id}", encryptor.Encrypt(file.Content, null), token, $"upload attachment {file.FileName}", cancellationToken);

        var data = Encoding.UTF8.GetBytes(package.AnswersJson);
        var metadata = FitConnectMetadata.Build(package, data, options.SchemaUri(package), leikaKey, files);
        await _api.PutJsonAsync($"{api}/submissions/{submissionId}", new JsonObject
        {
            ["encryptedMetadata"] = encryptor.Encrypt(Encoding.UTF8.GetBytes(metadata.ToJsonString()), "application/json"),
            ["encryptedData"] = encryptor.Encrypt(data, "application/json"),
        }, token, "submit submission", cancellationToken);
        return $"FIT-Connect submission {submissionId}, case {(string?)created["caseId"]}";
    }
}
