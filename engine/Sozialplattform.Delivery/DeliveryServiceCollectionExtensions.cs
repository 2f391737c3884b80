using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Channels.Demo;
using Sozialplattform.Delivery.Channels.Email;
using Sozialplattform.Delivery.Channels.FailingDemo;
using Sozialplattform.Delivery.Channels.FitConnect;
using Sozialplattform.Delivery.Channels.Inbox;
using Sozialplattform.Delivery.Channels.Xta;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Storage.Routing;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery;

/// <summary>Registration for hosts. Channels are registered one by one, built-ins exactly like extensions.</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Registers one channel type; the registry collects every registered <see cref="IChannel"/>.</summary>
    public static IServiceCollection AddChannel<TChannel>(this IServiceCollection services) where TChannel : class, IChannel
    {
        services.AddSingleton<TChannel>();
        services.AddSingleton<IChannel>(provider => provider.GetRequiredService<TChannel>());
        return services;
    }

    /// <summary>
    /// Storage, routing, outbox and the built-in channels. The host opens the database first
    /// (<see cref="SozialDatabase.OpenAsync"/>) and registers it, then calls <see cref="DeliveryStartup.InitializeAsync"/>,
    /// and adds <see cref="OutboxDispatcherService"/> as a hosted service.
    /// </summary>
    public static IServiceCollection AddSozialDelivery(this IServiceCollection services, DeliveryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Dispatcher);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<StatusLookup>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DeliverySource>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<CaseworkerInbox>();
        services.AddSingleton<CaseworkerActions>();
        services.AddSingleton<Sozialplattform.Storage.Cases.CaseWork>();
        services.AddSingleton<Sozialplattform.Storage.Cases.ApplicantCase>();
        services.AddSingleton<Sozialplattform.Storage.Cases.CaseForwarding>();
        services.AddSingleton<Sozialplattform.Storage.Cases.CaseChecklist>();
        services.AddSingleton<Sozialplattform.Storage.Cases.Dossiers>();
        services.AddSingleton<Sozialplattform.Storage.Cases.Teams>();
        services.AddSingleton<Sozialplattform.Storage.Cases.CaseHolds>();
        services.AddSingleton<Sozialplattform.Storage.Cases.CaseRetention>();
        services.AddSingleton<Sozialplattform.Storage.Cases.CaseArchiveSource>();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<LoginProtection>();
        services.AddSingleton<CaseworkerAccounts>();
        services.AddSingleton<OutboxOperations>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<MailQueue>();
        services.AddSingleton<RoutingTableStore>();
        services.AddSingleton<GeoStore>();
        services.AddSingleton(provider => new ChosenDestinations(provider.GetServices<IDestinationResolver>()));
        services.AddSingleton(_ => TenantFolderRouting.Load(options.TenantsFolder));
        services.AddSingleton(provider => new Router(provider.GetRequiredService<RoutingTableStore>(), provider.GetRequiredService<GeoStore>(),
            provider.GetRequiredService<ChosenDestinations>(), provider.GetRequiredService<TenantFolderRouting>(), provider.GetService<RoutingEditSource>()));
        services.AddSingleton<DeliveryPackageBuilder>();
        services.AddSingleton<FormPdfStore>();
        services.AddSingleton(provider => new FormPdfs(provider.GetRequiredService<FormPdfStore>(), provider.GetService<IFormPdfRenderer>()));
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IDeliveryTextRenderer, PlainDeliveryTextRenderer>();
        services.AddSingleton(provider => new ChannelRegistry(provider.GetServices<IChannel>()));
        services.AddHttpClientForChannels();
        return services
            .AddChannel<InboxChannel>()
            .AddChannel<FitConnectChannel>()
            .AddChannel<XtaChannel>()
            .AddChannel<EmailChannel>()
            .AddChannel<DemoChannel>()
            .AddChannel<FailingDemoChannel>();
    }

    private static void AddHttpClientForChannels(this IServiceCollection services) =>
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(100) });
}
