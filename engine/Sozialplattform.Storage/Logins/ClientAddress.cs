using System.Net;
using System.Net.Sockets;

namespace Sozialplattform.Storage.Logins;

/// <summary>
/// The client address as the login counters see it: an IPv4 address as it is, an IPv6 address by its /64 network
/// (one subscriber gets a whole /64, so counting single IPv6 addresses would give an attacker endless fresh ones).
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
