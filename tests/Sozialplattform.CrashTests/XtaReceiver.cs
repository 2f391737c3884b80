using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sozialplattform.CrashTests;

/// <summary>
/// The receiving authority's XTA endpoint, in the test process on loopback. It records every arrival durably (one line
/// per arrival, appended and flushed before it answers) and recognises repeats by the stable delivery id in the
/// message id, as a real receiver must. After <see cref="answerBeforeHold"/> new deliveries it holds the next request
/// without answering until <see cref="Release"/>, so the sender can be killed exactly between "received" and "marked".
/// </summary>
public sealed partial class XtaReceiver(string logFile, int answerBeforeHold) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, string> _new = new();
    private readonly ConcurrentQueue<Guid> _repeats = new();
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _file = new();
    private WebApplication? _app;
    private int _holding;

    public string Url { get; private set; } = "";

    /// <summary>Delivery id → reference number, for every delivery that arrived for the first time.</summary>
    public IReadOnlyDictionary<Guid, string> Deliveries => _new;

    /// <summary>Arrivals of a delivery id seen before (a retry after the sender lost its "delivered" mark).</summary>
    public IReadOnlyCollection<Guid> Repeats => _repeats;

    /// <summary>Completes when a request is being held (received and recorded, not answered).</summary>
    public Task Holding => _held.Task;

    public Guid? HeldDelivery { get; private set; }

    public void Release() => _release.TrySetResult();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/xta/send", (Delegate)ReceiveAsync);
        await _app.StartAsync();
        Url = _app.Urls.Single() + "/xta/send";
    }

    private async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var envelope = await XDocument.LoadAsync(http.Request.Body, LoadOptions.None, http.RequestAborted);
        var deliveryId = Guid.Parse(envelope.Descendants().First(e => e.Name.LocalName == "MessageID").Value.Split(':').Last());
        var reference = Reference().Match(envelope.Descendants().First(e => e.Name.LocalName == "Subject").Value).Value;
        var isNew = _new.TryAdd(deliveryId, reference);
        if (!isNew) _repeats.Enqueue(deliveryId);
        lock (_file)
        {
            using var stream = new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.WriteLine($"{deliveryId} {reference} {(isNew ? "new" : "repeat")}");
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        if (isNew && _new.Count > answerBeforeHold && Interlocked.Exchange(ref _holding, 1) == 0)
        {
            HeldDelivery = deliveryId;
            _held.TrySetResult();
            await _release.Task;
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>The durable log, line by line: delivery id, reference number, new or repeat.</summary>
    public IReadOnlyList<(Guid DeliveryId, string Reference, bool IsNew)> Log() =>
        File.ReadAllLines(logFile).Select(l => l.Split(' ')).Select(p => (Guid.Parse(p[0]), p[1], p[2] == "new")).ToList();

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null) await _app.DisposeAsync();
    }

    [GeneratedRegex("SP-[0-9]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex Reference();
}
