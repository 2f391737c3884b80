namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>A FIT-Connect destination (Zustellpunkt) and the sender's API client from the Self-Service-Portal.</summary>
public sealed class FitConnectChannelOptions
{
    /// <summary>OAuth token endpoint, e.g. <c>https://auth-testing.fit-connect.fitko.dev/token</c>.</summary>
    public string TokenUrl { get; set; } = "";

    /// <summary>Submission API base, e.g. <c>https://submission-api-testing.fit-connect.fitko.dev</c> (without <c>/v1</c>).</summary>
    public string SubmissionApiUrl { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret itself: only for tests. In configuration files use <see cref="ClientSecretVariable"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Name of the environment variable that holds the client secret.</summary>
    public string? ClientSecretVariable { get; set; }

    public string? Scope { get; set; }
    public string DestinationId { get; set; } = "";

    /// <summary>URI of the answers' schema as registered for the destination; <c>{formId}</c> and <c>{formVersion}</c> are replaced.</summary>
    public string SchemaUriTemplate { get; set; } = "";

    /// <summary>LeiKa key to announce when the form has none of its own (14 digits, <c>99…</c>).</summary>
    public string? LeikaKey { get; set; }

    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        CheckUrl(TokenUrl, "tokenUrl", problems);
        CheckUrl(SubmissionApiUrl, "submissionApiUrl", problems);
        if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("clientId: is missing");
        if ((ClientSecret is null) == (ClientSecretVariable is null)) problems.Add("clientSecretVariable: give exactly one of clientSecret (tests only) or clientSecretVariable");
        if (!Guid.TryParse(DestinationId, out _)) problems.Add($"destinationId: '{DestinationId}' is not a UUID");
        if (!Uri.TryCreate(SchemaUriTemplate.Replace("{formId}", "f").Replace("{formVersion}", "1.0.0"), UriKind.Absolute, out _))
            problems.Add($"schemaUriTemplate: '{SchemaUriTemplate}' is not an absolute URI");
        if (LeikaKey is not null && (LeikaKey.Length != 14 || !LeikaKey.StartsWith("99", StringComparison.Ordinal) || !LeikaKey.All(char.IsAsciiDigit)))
            problems.Add($"leikaKey: '{LeikaKey}' is not a 14-digit LeiKa key starting with 99");
        return problems;
    }

    internal string SchemaUri(DeliveryPackage package) =>
        SchemaUriTemplate.Replace("{formId}", package.FormId, StringComparison.Ordinal).Replace("{formVersion}", package.FormVersion, StringComparison.Ordinal);

    /// <summary>HTTPS, except plain HTTP on loopback (local test servers).</summary>
    private static void CheckUrl(string value, string name, List<string> problems)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add($"{name}: '{value}' is not an absolute http(s) URL");
        else if (uri.Scheme == "http" && !uri.IsLoopback)
            problems.Add($"{name}: '{value}' must use https (plain http is allowed only on loopback)");
    }
}
