using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Channels.Demo;
using Sozialplattform.Delivery.Channels.Email;
using Sozialplattform.Delivery.Channels.FailingDemo;
using Sozialplattform.Delivery.Channels.FitConnect;
using Sozialplattform.Delivery.Channels.Inbox;
using Sozialplattform.Delivery.Channels.Xta;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>The registry a host would build, with every built-in channel.</summary>
public static class TestChannels
{
    public static ChannelRegistry All(SozialDatabase? database = null, DemoChannel? demo = null, HttpClient? http = null) =>
        new ChannelRegistry()
            .Add(new InboxChannel(new InboxWriter(database!)))
            .Add(demo ?? new DemoChannel())
            .Add(new FailingDemoChannel())
            .Add(new EmailChannel(new PlainDeliveryTextRenderer()))
            .Add(new FitConnectChannel(http ?? new HttpClient(), TimeProvider.System))
            .Add(new XtaChannel(http ?? new HttpClient()));
}
