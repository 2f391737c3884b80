using Sozialplattform.Delivery.Channels.Demo;
using Sozialplattform.Delivery.Channels.Email;
using Sozialplattform.Delivery.Channels.FailingDemo;
using Sozialplattform.Delivery.Channels.FitConnect;
using Sozialplattform.Delivery.Channels.Inbox;
using Sozialplattform.Delivery.Channels.Xta;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Delivery.Channels;

/// <summary>The registry with every built-in channel, for code without dependency injection (the CLI, tests, benchmarks).</summary>
public static class BuiltInChannels
{
    /// <summary>Every built-in channel; without <paramref name="database"/> the registry serves configuration checks only.</summary>
    public static ChannelRegistry Registry(SozialDatabase? database, HttpClient? http = null, DemoChannel? demo = null, IDeliveryTextRenderer? renderer = null)
    {
        http ??= new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        return new ChannelRegistry()
            .Add(new InboxChannel(database is null ? null : new InboxWriter(database)))
            .Add(new FitConnectChannel(http, TimeProvider.System))
            .Add(new XtaChannel(http))
            .Add(new EmailChannel(renderer ?? new PlainDeliveryTextRenderer()))
            .Add(demo ?? new DemoChannel())
            .Add(new FailingDemoChannel());
    }
}
