using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>The sender's calls to the FIT-Connect Submission API v1 and its OAuth token endpoint. Tokens are cached until shortly before they expire.</summary>
internal sealed class FitConnectApi(HttpClient http, TimeProvider clock)
{
    private static readonly TimeSpan KeyCacheTime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<(string, string), (string Token, DateTimeOffset Expires)> _tokens = new();
    private readonly ConcurrentDictionary<(string, string), (string Kid, JsonObject Jwk, DateTimeOffset Expires)> _keys = new();

    /// <summary>
    /// The destination's encryption key id and public JWK, after checking that the destination is active.
    /// Kept for a few minutes, so a burst of deliveries does not ask twice per submission; a changed key
    /// shows up within that time.
    /// </summary>
    public async Task<(string Kid, JsonObject Jwk)> DestinationKeyAsync(string api, string destinationId, string token, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue((api, destinationId), out var cached) && cached.Expires > clock.GetUtcNow()) return (cached.Kid, cached.Jwk);
        var destination = await GetAsync($"{api}/destinations/{destinationId}", token, "get destination", cancellationToken);
        if ((string?)destination["status"] != "active")
            throw new FitConnectException($"destination status is '{(string?)destination["status"]}', not 'active'");
        var kid = (string?)destination["encryptionKid"] ?? throw new FitConnectException("destination has no encryptionKid");
        var jwk = await GetAsync($"{api}/destinations/{destinationId}/keys/{Uri.EscapeDataString(kid)}", token, "get encryption key", cancellationToken);
        _keys[(api, destinationId)] = (kid, jwk, clock.GetUtcNow() + KeyCacheTime);
        return (kid, jwk);
    }

    public async Task<string> TokenAsync(FitConnectChannelOptions options, string secret, CancellationToken cancellationToken)
    {
        var key = (options.TokenUrl, options.ClientId);
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow()) return cached.Token;
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId, ["client_secret"] = secret };
        if (options.Scope is not null) form["scope"] = options.Scope;
        using var response = await http.PostAsync(options.TokenUrl, new FormUrlEncodedContent(form), cancellationToken);
        var body = await ReadAsync(response, "OAuth token", cancellationToken);
        var token = (string?)body["access_token"] ?? throw new FitConnectException("OAuth token: the answer has no access_token");
        var lifetime = body["expires_in"] is JsonValue v && v.TryGetValue<int>(out var seconds) ? seconds : 300;
        _tokens[key] = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, lifetime - 60)));
        return token;
    }

    public Task<JsonObject> GetAsync(string url, string token, string step, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), token, step, cancellationToken);

    public Task<JsonObject> PostJsonAsync(string url, JsonObject body, string token, string step, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, token, step, cancellationToken);

    public Task<JsonObject> PutJsonAsync(string url, JsonObject body, string token, string step, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) }, token, step, cancellationToken);

    public Task<JsonObject> PutJoseAsync(string url, string jwe, string token, string step, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JoseContent(jwe) }, token, step, cancellationToken);

    /// <summary>Exactly <c>application/jose</c>, without a charset parameter.</summary>
    private static ByteArrayContent JoseContent(string jwe)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(jwe));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/jose");
        return content;
    }

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, string token, string step, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.UserAgent.ParseAdd("Sozialplattform/1.0");
            using var response = await http.SendAsync(request, cancellationToken);
            return await ReadAsync(response, step, cancellationToken);
        }
    }

    /// <summary>The JSON answer (empty for 204), or a <see cref="FitConnectException"/> naming the step and the server's problem.</summary>
    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = TryParse(text);
            var detail = problem is null ? text : $"{(string?)problem["title"]}{(problem["detail"] is { } d ? $": {d}" : "")}{(problem["type"] is { } t ? $" ({t})" : "")}";
            var retryable = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500;
            throw new FitConnectException($"{step}: HTTP {(int)response.StatusCode} {detail}".TrimEnd(), retryable);
        }

        return TryParse(text) ?? [];
    }

    private static JsonObject? TryParse(string text)
    {
        try { return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
