using Microsoft.Extensions.Hosting;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>Runs the notification dispatcher for the lifetime of the host.</summary>
public sealed class NotificationDispatcherService(NotificationDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
