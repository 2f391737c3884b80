using System.Net;
using System.Net.Sockets;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback TCP port that was free a moment ago (for servers that cannot bind port 0 themselves).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something listens on the port (bounded: 15 s).</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> stillRunning)
    {
        for (var i = 0; i < 150; i++)
        {
            if (!stillRunning()) throw new InvalidOperationException($"The server meant to listen on 127.0.0.1:{port} has exited.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listens on 127.0.0.1:{port} after 15 s.");
    }
}
