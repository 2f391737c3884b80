using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Sozialplattform.Counselling.Web.Hosting;
using Sozialplattform.Counselling.Web.Live;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>
/// One page's hub connection for video calls, with a browser's cookies (like <see cref="LiveClient"/>): it invokes the
/// hub's call methods and keeps everything it hears — ringing, accepted, ended, offers, answers, candidates — in order.
/// </summary>
public sealed class VideoClient : IAsyncDisposable
{
    private readonly Channel<Heard> _heard = Channel.CreateUnbounded<Heard>();

    private VideoClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<VideoClient> ConnectAsync(PortalClient browser, Uri baseAddress, bool staff = false, string lang = "de")
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, (staff ? ConversationHub.StaffPath : ConversationHub.Path) + "?lang=" + lang), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new LiveClient.ThroughBrowser(browser.Http);
            })
            .Build();
        var client = new VideoClient(connection);
        connection.On<RingingCall>(ConversationHub.CallRinging, ring => client.Hear(ConversationHub.CallRinging, ring.CallId));
        connection.On<Guid>(ConversationHub.CallAccepted, id => client.Hear(ConversationHub.CallAccepted, id));
        connection.On<Guid, string>(ConversationHub.CallEnded, (id, why) => client.Hear(ConversationHub.CallEnded, id, why));
        connection.On<Guid>(ConversationHub.CallClosed, id => client.Hear(ConversationHub.CallClosed, id));
        connection.On<Guid, string>(ConversationHub.Offer, (id, sdp) => client.Hear(ConversationHub.Offer, id, sdp));
        connection.On<Guid, string>(ConversationHub.Answer, (id, sdp) => client.Hear(ConversationHub.Answer, id, sdp));
        connection.On<Guid, string, string?, int?>(ConversationHub.Candidate, (id, candidate, mid, index) => client.Hear(ConversationHub.Candidate, id, candidate, mid, index));
        await connection.StartAsync();
        return client;
    }

    public Task<RingingCall?> WatchAsync(Guid conversationId) => Connection.InvokeAsync<RingingCall?>("WatchCalls", conversationId);

    public Task<CallJoin> StartAsync(Guid conversationId) => Connection.InvokeAsync<CallJoin>("StartCall", conversationId);

    public Task<CallJoin> AcceptAsync(Guid callId) => Connection.InvokeAsync<CallJoin>("AcceptCall", callId);

    /// <summary>The next thing heard, or a failure after two minutes (a busy machine, not a timing assumption).</summary>
    public async Task<Heard> NextAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await _heard.Reader.ReadAsync(patience.Token);
    }

    public IReadOnlyList<Heard> HeardSoFar()
    {
        var heard = new List<Heard>();
        while (_heard.Reader.TryRead(out var item)) heard.Add(item);
        return heard;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Hear(string method, Guid callId, params object?[] values) => _heard.Writer.TryWrite(new Heard(method, callId, values));

    public sealed record Heard(string Method, Guid CallId, object?[] Values);
}
