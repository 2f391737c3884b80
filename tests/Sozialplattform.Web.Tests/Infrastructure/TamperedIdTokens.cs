namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// A man in the middle on the way to the token endpoint: the provider's real, signed ID token arrives with another
/// subject and other groups in its payload and the signature left as it was — as if someone had edited the token.
/// </summary>
public sealed class TamperedIdTokens(string subject, IReadOnlyList<string> groups) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.AbsolutePath != "/connect/token" || !response.IsSuccessStatusCode) return response;
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        var parts = body["id_token"]!.GetValue<string>().Split('.');
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["sub"] = subject;
        payload["groups"] = new System.Text.Json.Nodes.JsonArray([.. groups.Select(g => (System.Text.Json.Nodes.JsonNode?)g)]);
        parts[1] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString());
        body["id_token"] = string.Join('.', parts);
        response.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        return response;
    }
}
