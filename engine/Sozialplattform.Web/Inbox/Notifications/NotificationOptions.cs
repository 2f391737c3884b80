using Sozialplattform.Delivery.Channels.Email;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>
/// E-mails to applicants about status changes (section <c>Sozialplattform:Notifications</c>). Sending is on when
/// <see cref="Smtp"/> has a host and <see cref="From"/> an address; until then notifications wait in the database.
/// </summary>
public sealed record NotificationOptions
{
    public const string Section = "Sozialplattform:Notifications";

    public SmtpSettings Smtp { get; init; } = new();

    /// <summary>Sender address, e.g. <c>noreply@sozialplattform.example</c>.</summary>
    public string From { get; init; } = "";

    /// <summary>The portal's public address; the e-mail links to its status page. Empty: no link.</summary>
    public string PortalUrl { get; init; } = "";

    /// <summary>Operator templates (<c>status-changed.&lt;lang&gt;.scriban</c>, also per form); empty: the built-in ones.</summary>
    public string TemplatesDirectory { get; init; } = "";

    public int BatchSize { get; init; } = 20;
    public int MaxAttempts { get; init; } = 10;
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(6);
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(Smtp.Host) && !string.IsNullOrWhiteSpace(From);

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30)), MaxRetryDelay.TotalSeconds));
}

/// <summary>The SMTP server for applicant e-mails; the password only ever comes from the environment variable named here.</summary>
public sealed record SmtpSettings
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 587;

    /// <summary><c>startTls</c>, <c>sslOnConnect</c>, or <c>none</c> (only for a server on loopback).</summary>
    public string Security { get; init; } = "startTls";

    public string? UserName { get; init; }
    public string? PasswordVariable { get; init; }
    public int TimeoutSeconds { get; init; } = 60;

    public SmtpServer Server => new(Host, Port, Security, UserName, PasswordVariable, TimeoutSeconds);
}
