using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sozialplattform.Web.Tests.CaseApi;

/// <summary>
/// A small example client of the case API, as a specialist system (Fachverfahren) would write one: it gets an access
/// token with its client credentials from the host's token endpoint and calls the operations with it. docs/API.md
/// shows the same requests.
/// </summary>
public sealed class FachverfahrenClient(HttpClient http, string clientId, string secret) : IDisposable
{
    public HttpClient Http => http;
    public string ClientId => clientId;
    public string? AccessToken { get; private set; }

    /// <summary>POST /api/oauth/token (client_credentials); returns the token response (also on refusal, with its status).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> RequestTokenAsync(string? scope = null, string? secretOverride = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secretOverride ?? secret };
        if (scope is not null) form["scope"] = scope;
        using var response = await http.PostAsync("/api/oauth/token", new FormUrlEncodedContent(form));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (response.IsSuccessStatusCode) Use(body.GetProperty("access_token").GetString()!);
        return (response.StatusCode, body);
    }

    public void Use(string? accessToken)
    {
        AccessToken = accessToken;
        http.DefaultRequestHeaders.Authorization = accessToken is null ? null : new AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <summary>RFC 7009: the client gives up its token (POST /api/oauth/revoke).</summary>
    public async Task<HttpStatusCode> RevokeTokenAsync()
    {
        var form = new Dictionary<string, string> { ["token"] = AccessToken!, ["client_id"] = clientId, ["client_secret"] = secret };
        using var response = await http.PostAsync("/api/oauth/revoke", new FormUrlEncodedContent(form));
        return response.StatusCode;
    }

    public Task<Answer> ListAsync(string query = "") => SendAsync(HttpMethod.Get, "/api/v1/cases" + query);
    public Task<Answer> FetchAsync(Guid caseId) => SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}");
    public Task<Answer> XmlAsync(Guid caseId) => SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}/xml");
    public Task<Answer> DownloadAsync(string href) => SendAsync(HttpMethod.Get, href);
    public Task<Answer> AcknowledgeAsync(Guid caseId) => SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/acknowledgement");
    public Task<Answer> SetStatusAsync(Guid caseId, string status, string? message) => SendAsync(HttpMethod.Put, $"/api/v1/cases/{caseId}/status", JsonContent.Create(new { status, message }));
    public Task<Answer> PostMessageAsync(Guid caseId, string text) => SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/messages", JsonContent.Create(new { text }));

    public Task<Answer> PostDecisionAsync(Guid caseId, byte[] pdf, string fileName, string? text)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", fileName } };
        if (text is not null) form.Add(new StringContent(text), "text");
        return SendAsync(HttpMethod.Post, $"/api/v1/cases/{caseId}/decisions", form);
    }

    private async Task<Answer> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await http.SendAsync(request);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync(),
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    public void Dispose() => http.Dispose();

    /// <summary>What the API answered: status, media type, body (JSON when it is JSON).</summary>
    public sealed record Answer(HttpStatusCode Status, string? MediaType, byte[] Bytes, string? FileName)
    {
        public JsonElement Json => JsonDocument.Parse(Bytes).RootElement;

        /// <summary>The problem code of a refusal (RFC 7807 with <c>code</c>).</summary>
        public string? Code => MediaType == "application/problem+json" ? Json.GetProperty("code").GetString() : null;
    }
}
