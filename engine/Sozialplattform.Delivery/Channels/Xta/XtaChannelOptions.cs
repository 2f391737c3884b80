namespace Sozialplattform.Delivery.Channels.Xta;

/// <summary>An XTA 2 (Version 3, namespace <c>http://xoev.de/transport/xta/211</c>) send endpoint and the parties of the message.</summary>
public sealed class XtaChannelOptions
{
    /// <summary>URL of the sendPort (<c>sendMessage</c>) of the sender's XTA server.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Author (this platform) and reader (the authority) identifiers, e.g. DVDV/behördenkennung values.</summary>
    public string AuthorIdentifier { get; set; } = "";
    public string? AuthorCategory { get; set; }
    public string ReaderIdentifier { get; set; } = "";
    public string? ReaderCategory { get; set; }

    /// <summary>The <c>@type</c> of both identifiers (OSCI PartyIdentifierType), e.g. <c>xoev</c>.</summary>
    public string IdentifierType { get; set; } = "xoev";

    /// <summary>The service URI (Dienste-URI) the reader offers, e.g. <c>urn:sozialplattform:antrag</c>.</summary>
    public string Service { get; set; } = "";

    public bool TestMessage { get; set; }
    public int TimeoutSeconds { get; set; } = 60;

    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add($"endpoint: '{Endpoint}' is not an absolute http(s) URL");
        else if (uri.Scheme == "http" && !uri.IsLoopback)
            problems.Add($"endpoint: '{Endpoint}' must use https (plain http is allowed only on loopback)");
        if (string.IsNullOrWhiteSpace(AuthorIdentifier)) problems.Add("authorIdentifier: is missing");
        if (string.IsNullOrWhiteSpace(ReaderIdentifier)) problems.Add("readerIdentifier: is missing");
        if (string.IsNullOrWhiteSpace(IdentifierType)) problems.Add("identifierType: must not be empty");
        if (!Uri.TryCreate(Service, UriKind.Absolute, out _)) problems.Add($"service: '{Service}' is not an absolute URI");
        if (TimeoutSeconds is < 1 or > 600) problems.Add("timeoutSeconds: must be 1 to 600");
        return problems;
    }
}
