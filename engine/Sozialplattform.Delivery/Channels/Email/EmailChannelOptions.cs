namespace Sozialplattform.Delivery.Channels.Email;

/// <summary>SMTP delivery to an authority's mailbox.</summary>
public sealed class EmailChannelOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary><c>none</c> (only for tests on loopback), <c>startTls</c> or <c>sslOnConnect</c>.</summary>
    public string Security { get; set; } = "startTls";

    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string? UserName { get; set; }

    /// <summary>Name of the environment variable holding the SMTP password (never the password itself in the file).</summary>
    public string? PasswordVariable { get; set; }

    public int TimeoutSeconds { get; set; } = 60;

    internal SmtpServer Server => new(Host, Port, Security, UserName, PasswordVariable, TimeoutSeconds);

    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) problems.Add("host: is missing");
        if (Port is < 1 or > 65535) problems.Add($"port: {Port} is not a TCP port");
        if (Security is not ("none" or "startTls" or "sslOnConnect")) problems.Add($"security: '{Security}' is not one of none, startTls, sslOnConnect");
        if (!MimeKit.MailboxAddress.TryParse(From, out _) || !From.Contains('@')) problems.Add($"from: '{From}' is not an e-mail address");
        if (!MimeKit.MailboxAddress.TryParse(To, out _) || !To.Contains('@')) problems.Add($"to: '{To}' is not an e-mail address");
        if (PasswordVariable is not null && UserName is null) problems.Add("passwordVariable: needs userName");
        if (TimeoutSeconds is < 1 or > 600) problems.Add("timeoutSeconds: must be 1 to 600");
        return problems;
    }
}
