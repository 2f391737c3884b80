using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>
/// The .NET SignalR client on a test server, carrying a browser's cookies (the seeker's or the staff's session): every
/// request goes through that <see cref="PortalClient"/>. Long polling (the test server has no WebSockets). What it
/// hears is kept in order; <see cref="NextAsync"/> waits for the next one (no sleeps).
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<Guid> _heard = Channel.CreateUnbounded<Guid>();

    private LiveClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Connected as a seeker (the portal's address) or, with <paramref name="staff"/>, as staff (the self-service's address, where their cookie goes).</summary>
    public static async Task<LiveClient> ConnectAsync(PortalClient browser, Uri baseAddress, bool staff = false)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, staff ? "/beratungsstellen-verwaltung/online-beratung/live" : "/online-beratung/live"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new ThroughBrowser(browser.Http);
            })
            .Build();
        var client = new LiveClient(connection);
        connection.On<Guid>("changed", id => client._heard.Writer.TryWrite(id));
        await connection.StartAsync();
        return client;
    }

    /// <summary>The id of the next conversation heard of, or a failure after a minute (a busy machine, not a timing assumption).</summary>
    public async Task<Guid> NextAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await _heard.Reader.ReadAsync(patience.Token);
    }

    /// <summary>Everything heard so far, without waiting.</summary>
    public IReadOnlyList<Guid> HeardSoFar()
    {
        var heard = new List<Guid>();
        while (_heard.Reader.TryRead(out var id)) heard.Add(id);
        return heard;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    internal sealed class ThroughBrowser(HttpClient browser) : HttpMessageHandler
    {
        // the SignalR client's own HttpClient has marked the request as sent: the browser's client gets a copy
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var (name, values) in request.Headers) copy.Headers.TryAddWithoutValidation(name, values);
            if (request.Content is { } content)
            {
                copy.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken));
                foreach (var (name, values) in content.Headers) copy.Content.Headers.TryAddWithoutValidation(name, values);
            }

            return await browser.SendAsync(copy, cancellationToken);
        }
    }
}
