namespace Sozialplattform.Delivery.Channels;

/// <summary>The channels a host offers, by type name. Built-ins are added exactly like anyone's extension.</summary>
public sealed class ChannelRegistry
{
    private readonly Dictionary<string, IChannel> _channels = new(StringComparer.Ordinal);

    public ChannelRegistry(IEnumerable<IChannel>? channels = null)
    {
        foreach (var channel in channels ?? []) Add(channel);
    }

    public ChannelRegistry Add(IChannel channel)
    {
        if (!_channels.TryAdd(channel.Type, channel))
            throw new ArgumentException($"A channel of type '{channel.Type}' is registered twice.", nameof(channel));
        return this;
    }

    public IChannel? Find(string type) => _channels.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _channels.Keys;
}
