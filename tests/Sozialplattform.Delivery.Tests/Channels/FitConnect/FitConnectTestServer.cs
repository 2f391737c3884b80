using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NJsonSchema;

namespace Sozialplattform.Delivery.Tests.Channels.FitConnect;

/// <summary>
/// A local FIT-Connect Zustelldienst for the sender tests (Kestrel on 127.0.0.1, a random port): OAuth client
/// credentials, destination and its RSA-OAEP-256 key, create submission, upload attachments, submit. It decrypts
/// everything with the destination's private key and checks it with <see cref="FitConnectSubmissionChecks"/>;
/// bad requests get problem JSON (RFC 7807) as the real API answers.
/// </summary>
public sealed class FitConnectTestServer : IAsyncDisposable
{
    public const string ClientId = "sozialplattform-test";
    public const string ClientSecret = "test-secret-not-for-production";
    public const string Kid = "destination-key-1";
    public static readonly Guid DestinationId = Guid.Parse("6c1a1f4e-2d5b-4c7e-9a41-3f0d2b8e5a17");

    private readonly WebApplication _app;
    // One 4096-bit key for all tests: generating it takes about a second.
    private static readonly RSA SharedKey = RSA.Create(4096);
    private readonly RSA _key = SharedKey;
    private readonly ConcurrentDictionary<string, OpenSubmission> _open = new();
    private readonly FitConnectSubmissionChecks _checks;

    private FitConnectTestServer(WebApplication app, JsonSchema metadataSchema, IReadOnlyDictionary<string, JsonSchema> dataSchemas)
    {
        _app = app;
        _checks = new FitConnectSubmissionChecks(_key, metadataSchema, dataSchemas);
        Map(app);
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Submissions that passed every check, decrypted.</summary>
    public ConcurrentQueue<ReceivedSubmission> Received { get; } = new();

    /// <summary>Every problem answered, for assertions.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>When set, every call is answered 503 (a Zustelldienst in maintenance).</summary>
    public bool Unavailable { get; set; }

    /// <summary>When set, the destination reports this status instead of "active".</summary>
    public string DestinationStatus { get; set; } = "active";

    public static async Task<FitConnectTestServer> StartAsync(string metadataSchemaPath, IReadOnlyDictionary<string, JsonObject> dataSchemas)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var schemas = new Dictionary<string, JsonSchema>();
        foreach (var (uri, schema) in dataSchemas) schemas[uri] = await JsonSchema.FromJsonAsync(schema.ToJsonString());
        var server = new FitConnectTestServer(app, await JsonSchema.FromFileAsync(metadataSchemaPath), schemas);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    public JsonObject ChannelOptions(string schemaUriTemplate) => new()
    {
        ["tokenUrl"] = $"{BaseUrl}/token",
        ["submissionApiUrl"] = BaseUrl,
        ["clientId"] = ClientId,
        ["clientSecret"] = ClientSecret,
        ["destinationId"] = DestinationId.ToString(),
        ["schemaUriTemplate"] = schemaUriTemplate,
    };

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Unavailable) await Problem(503, "service-unavailable", "the Zustelldienst is in maintenance").ExecuteAsync(context);
            else await next(context);
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials") return Problem(400, "unsupported-grant-type", "grant_type must be client_credentials");
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Problem(401, "invalid-client", "unknown client or wrong secret");
            return Results.Json(new { access_token = $"token-{Guid.NewGuid():N}", token_type = "Bearer", expires_in = 1800 });
        });
        app.MapGet("/v1/destinations/{id}", (HttpRequest request, string id) =>
            Authorized(request) ?? (id != DestinationId.ToString()
                ? Problem(404, "destination-not-found", $"destination {id} does not exist")
                : Results.Json(new { destinationId = id, status = DestinationStatus, encryptionKid = Kid, metadataVersions = new[] { "1.0.0" } })));
        app.MapGet("/v1/destinations/{id}/keys/{kid}", (HttpRequest request, string id, string kid) =>
            Authorized(request) ?? (kid != Kid ? Problem(404, "key-not-found", $"key {kid} does not exist") : Results.Json(PublicJwk())));
        app.MapPost("/v1/submissions", async (HttpRequest request) => Authorized(request) ?? await CreateAsync(request));
        app.MapPut("/v1/submissions/{id}/attachments/{attachmentId}", async (HttpRequest request, string id, string attachmentId) =>
            Authorized(request) ?? await UploadAsync(request, id, attachmentId));
        app.MapPut("/v1/submissions/{id}", async (HttpRequest request, string id) => Authorized(request) ?? await SubmitAsync(request, id));
    }

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
        if ((string?)body?["destinationId"] != DestinationId.ToString()) return Problem(404, "destination-not-found", "unknown destinationId");
        if (DestinationStatus != "active") return Problem(422, "destination-state-invalid", $"destination is {DestinationStatus}");
        var announced = (body["announcedAttachments"] as JsonArray ?? []).Select(a => (string?)a ?? "").ToList();
        if (announced.Any(a => !Guid.TryParse(a, out _))) return Problem(400, "invalid-attachment-id", "announcedAttachments must be UUIDs");
        var identifier = (string?)body["serviceType"]?["identifier"];
        if (identifier is null || !identifier.StartsWith("urn:de:fim:leika:leistung:99", StringComparison.Ordinal)) return Problem(400, "invalid-service-type", "serviceType.identifier must be a LeiKa URN");
        var submission = new OpenSubmission(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), announced, identifier);
        _open[submission.SubmissionId] = submission;
        return Results.Json(new { submission.SubmissionId, submission.CaseId, destinationId = DestinationId }, statusCode: 201);
    }

    private async Task<IResult> UploadAsync(HttpRequest request, string id, string attachmentId)
    {
        if (!_open.TryGetValue(id, out var submission)) return Problem(404, "submission-not-found", $"submission {id}");
        if (!submission.Announced.Contains(attachmentId)) return Problem(422, "attachment-not-announced", $"attachment {attachmentId} was not announced");
        if (request.ContentType != "application/jose") return Problem(415, "unsupported-media-type", "attachments must be sent as application/jose");
        using var reader = new StreamReader(request.Body);
        var (plain, problem) = _checks.Decrypt(await reader.ReadToEndAsync(), expectJson: false);
        if (problem is not null) return Problem(422, "encryption-issue", $"attachment {attachmentId}: {problem}");
        submission.Attachments[attachmentId] = plain!;
        return Results.NoContent();
    }

    private async Task<IResult> SubmitAsync(HttpRequest request, string id)
    {
        if (!_open.TryGetValue(id, out var submission)) return Problem(404, "submission-not-found", $"submission {id}");
        var missing = submission.Announced.Where(a => !submission.Attachments.ContainsKey(a)).ToList();
        if (missing.Count > 0) return Problem(422, "missing-attachments", $"not uploaded: {string.Join(", ", missing)}");
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
        var (received, problems) = _checks.Check(submission, (string?)body?["encryptedMetadata"], (string?)body?["encryptedData"]);
        if (problems.Count > 0) return Problem(422, "submission-invalid", string.Join("; ", problems));
        _open.TryRemove(id, out _);
        Received.Enqueue(received!);
        return Results.Json(new { submissionId = id, status = "submitted" });
    }

    private static IResult? Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer token-", StringComparison.Ordinal) ? null : Results.Problem(statusCode: 401, title: "unauthorized");

    private IResult Problem(int status, string type, string detail)
    {
        Problems.Enqueue($"{status} {type}: {detail}");
        return Results.Problem(statusCode: status, type: $"https://schema.fitko.de/fit-connect/submission-api/problems/{type}", title: type, detail: detail);
    }

    private object PublicJwk()
    {
        var p = _key.ExportParameters(false);
        return new { kty = "RSA", kid = Kid, alg = "RSA-OAEP-256", key_ops = new[] { "wrapKey" }, n = System.Buffers.Text.Base64Url.EncodeToString(p.Modulus), e = System.Buffers.Text.Base64Url.EncodeToString(p.Exponent) };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A created, not yet submitted submission on the test server.</summary>
public sealed record OpenSubmission(string SubmissionId, string CaseId, IReadOnlyList<string> Announced, string ServiceIdentifier)
{
    public ConcurrentDictionary<string, byte[]> Attachments { get; } = new();
}

/// <summary>What the receiving authority got, decrypted and checked.</summary>
public sealed record ReceivedSubmission(string SubmissionId, JsonObject Metadata, string Data, IReadOnlyDictionary<string, byte[]> Attachments, string ServiceIdentifier);
