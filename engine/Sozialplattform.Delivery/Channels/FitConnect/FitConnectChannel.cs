using System.Text;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>
/// FIT-Connect sender (Submission API v1): token → destination and its encryption key → create the
/// submission with announced attachments → upload each attachment as JWE → send metadata and data as JWE.
/// </summary>
public sealed class FitConnectChannel(HttpClient http, TimeProvider clock) : Channel<FitConnectChannelOptions>, IFollowUpChannel
{
    public const string Name = "fitconnect";
    private readonly FitConnectApi _api = new(http, clock);

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(FitConnectChannelOptions options) => options.Problems();

    protected override ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, FitConnectChannelOptions options, CancellationToken cancellationToken) =>
        GuardAsync(() => SendAsync(package, options, cancellationToken), options, cancellationToken);

    /// <summary>
    /// The Submission API v1 (as in shared/standards) has no message from the sender that adds to a submission already sent
    /// (the server-assigned case id groups a submission with its events and replies), so a hand-in goes as a new submission to the same destination:
    /// its data (schema <see cref="FitConnectFollowUp.SchemaUri"/>) names the first submission's id, case id and sender
    /// reference, its attachments are the handed-in files.
    /// </summary>
    public ValueTask<DeliveryResult> DeliverFollowUpAsync(FollowUpPackage package, CancellationToken cancellationToken) =>
        WithOptionsAsync(package, options => GuardAsync(() => SendFollowUpAsync(package, options, cancellationToken), options, cancellationToken));

    private static async ValueTask<DeliveryResult> GuardAsync(Func<Task<string>> send, FitConnectChannelOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return DeliveryResult.Delivered(await send());
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

    private Task<string> SendAsync(DeliveryPackage package, FitConnectChannelOptions options, CancellationToken cancellationToken)
    {
        var leikaKey = package.LeikaKey ?? options.LeikaKey
            ?? throw new FitConnectException($"form '{package.FormId}' has no LeiKa key and the channel sets no leikaKey; FIT-Connect needs the service identifier");
        if (package.AnswersSchema is null)
            throw new FitConnectException($"no answers JSON Schema for {package.FormId} {package.FormVersion}; the host must provide it (IAnswersSchemaSource)");

        var files = new List<(Guid Id, DeliveryFile File, string Purpose)> { (FitConnectMetadata.AttachmentId(package.DeliveryId, 0), package.Pdf, "form") };
        files.AddRange(package.Attachments.Select((a, i) => (FitConnectMetadata.AttachmentId(package.DeliveryId, i + 1), a, "attachment")));
        var data = Encoding.UTF8.GetBytes(package.AnswersJson);
        var metadata = FitConnectMetadata.Build(package, data, options.SchemaUri(package), leikaKey, files);
        return SubmitAsync(options, package.FormTitle, leikaKey, files, data, metadata, cancellationToken);
    }

    private Task<string> SendFollowUpAsync(FollowUpPackage package, FitConnectChannelOptions options, CancellationToken cancellationToken)
    {
        var leikaKey = package.LeikaKey ?? options.LeikaKey
            ?? throw new FitConnectException($"form '{package.FormId}' has no LeiKa key and the channel sets no leikaKey; FIT-Connect needs the service identifier");
        var files = package.Files.Select((f, i) => (FitConnectMetadata.AttachmentId(package.DeliveryId, i), f, "attachment")).ToList();
        var data = Encoding.UTF8.GetBytes(FitConnectFollowUp.Data(package, files).ToJsonString());
        var metadata = FitConnectMetadata.Build(FitConnectFollowUp.SenderReference(package), package.HandedInAt, package.FormTitle, data, FitConnectFollowUp.SchemaUri, leikaKey, files);
        return SubmitAsync(options, package.FormTitle, leikaKey, files, data, metadata, cancellationToken);
    }

    /// <summary>Create (with announced attachments) → upload each attachment as JWE → submit metadata and data as JWE; the receipt names submission and case.</summary>
    private async Task<string> SubmitAsync(FitConnectChannelOptions options, string title, string leikaKey, IReadOnlyList<(Guid Id, DeliveryFile File, string Purpose)> files,
        byte[] data, JsonObject metadata, CancellationToken cancellationToken)
    {
        var secret = options.ClientSecret ?? Environment.GetEnvironmentVariable(options.ClientSecretVariable!)
            ?? throw new FitConnectException($"environment variable {options.ClientSecretVariable} (client secret) is not set");

        var api = options.SubmissionApiUrl.TrimEnd('/') + "/v1";
        var token = await _api.TokenAsync(options, secret, cancellationToken);
        var (kid, jwk) = await _api.DestinationKeyAsync(api, options.DestinationId, token, cancellationToken);
        using var encryptor = JweEncryptor.FromJwk(jwk, kid);

        var created = await _api.PostJsonAsync($"{api}/submissions", new JsonObject
        {
            ["destinationId"] = options.DestinationId,
            ["announcedAttachments"] = new JsonArray(files.Select(f => (JsonNode)f.Id.ToString()).ToArray()),
            ["serviceType"] = new JsonObject { ["name"] = title, ["identifier"] = FitConnectMetadata.ServiceIdentifier(leikaKey) },
        }, token, "create submission", cancellationToken);
        var submissionId = (string?)created["submissionId"] ?? throw new FitConnectException("create submission: the answer has no submissionId");

        foreach (var (id, file, _) in files)
            await _api.PutJoseAsync($"{api}/submissions/{submissionId}/attachments/{id}", encryptor.Encrypt(file.Content, null), token, $"upload attachment {file.FileName}", cancellationToken);

        await _api.PutJsonAsync($"{api}/submissions/{submissionId}", new JsonObject
        {
            ["encryptedMetadata"] = encryptor.Encrypt(Encoding.UTF8.GetBytes(metadata.ToJsonString()), "application/json"),
            ["encryptedData"] = encryptor.Encrypt(data, "application/json"),
        }, token, "submit submission", cancellationToken);
        return FitConnectFollowUp.Receipt(submissionId, (string?)created["caseId"]);
    }
}
