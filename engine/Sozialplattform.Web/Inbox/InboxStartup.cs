using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Web.Inbox.Notifications;

namespace Sozialplattform.Web.Inbox;

/// <summary>Says on start where the inbox is and whether status e-mails are sent, or only queued until SMTP is configured.</summary>
public sealed class InboxStartup(IServiceProvider services, NotificationOptions notifications, IHostApplicationLifetime lifetime, ILogger<InboxStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("{Message}", notifications.Enabled
            ? $"Status e-mails to applicants: via {notifications.Smtp.Host}:{notifications.Smtp.Port} from {notifications.From}"
            : $"Status e-mails to applicants: not configured ({NotificationOptions.Section}:Smtp:Host and From); they wait in the table notifications");
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
                logger.LogInformation("{Message}", $"Authority inbox: {address}{InboxRoutes.Root} (accounts: sozial caseworker add)");
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
