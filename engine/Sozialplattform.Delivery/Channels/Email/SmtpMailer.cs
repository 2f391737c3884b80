using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Sozialplattform.Delivery.Channels.Email;

/// <summary>Where and how to hand mail to an SMTP server (the e-mail channel's options and the applicant notifications share it).</summary>
public sealed record SmtpServer(string Host, int Port, string Security, string? UserName, string? PasswordVariable, int TimeoutSeconds);

/// <summary>
/// Sends one message over SMTP with MailKit. Network, protocol and authentication errors come back as a
/// retryable failure naming server and recipient; a missing password variable is final.
/// </summary>
public static class SmtpMailer
{
    public static async Task<DeliveryResult> SendAsync(MimeMessage message, SmtpServer server, CancellationToken cancellationToken)
    {
        string? password = null;
        if (server.PasswordVariable is { } variable && (password = Environment.GetEnvironmentVariable(variable)) is null)
            return DeliveryResult.Failed($"environment variable {variable} (SMTP password) is not set", retryable: false);

        var recipients = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        using var client = new SmtpClient { Timeout = server.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(server.Host, server.Port, Socket(server.Security), cancellationToken);
            if (server.UserName is not null) await client.AuthenticateAsync(server.UserName, password ?? "", cancellationToken);
            var response = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Delivered($"smtp {server.Host}:{server.Port}: {response}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or AuthenticationException or TimeoutException)
        {
            return DeliveryResult.Failed($"email to {recipients} via {server.Host}:{server.Port} failed: {e.Message}");
        }
    }

    private static SecureSocketOptions Socket(string security) => security switch
    {
        "none" => SecureSocketOptions.None,
        "sslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
