using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Channels.Demo;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>The registry a host would build, with every built-in channel.</summary>
public static class TestChannels
{
    public static ChannelRegistry All(SozialDatabase? database = null, DemoChannel? demo = null) =>
        BuiltInChannels.Registry(database, demo: demo);
}
