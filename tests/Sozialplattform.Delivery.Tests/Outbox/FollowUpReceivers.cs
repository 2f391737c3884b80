using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MimeKit;
using Sozialplattform.Delivery.Channels.FitConnect;
using Sozialplattform.Delivery.Tests.Channels.FitConnect;
using Sozialplattform.Delivery.Tests.Channels.Xta;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Outbox;

/// <summary>
/// What the authority's side received, the same for every channel: <see cref="Id"/> is how the receiver names the
/// message (Message-Id, FIT-Connect submission id, XTA message id), <see cref="ReferenceToFirst"/> what a follow-up says
/// about the first one.
/// </summary>
public sealed record Arrival(string Id, string? ReceiptNumber, string? Subject, string? Message, string? ReferenceToFirst, IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>E-mail only: an HTML part (none is ever sent) and the number of recipients (exactly the one configured).</summary>
    public bool HasHtml { get; init; }

    public int Recipients { get; init; } = 1;
}

/// <summary>A real receiver of one channel that can be taken down and brought back: aiosmtpd, the local Zustelldienst, the local XTA endpoint.</summary>
public abstract class FollowUpReceiver : IAsyncDisposable
{
    public const string SchemaUriTemplate = "https://schema.example.org/sozialplattform/{formId}/{formVersion}/answers.schema.json";

    public abstract string Channel { get; }
    public abstract JsonObject Options { get; }
    public abstract Task SetDownAsync(bool down);
    public abstract IReadOnlyList<Arrival> Arrivals();
    public abstract ValueTask DisposeAsync();

    public static async Task<FollowUpReceiver> StartAsync(string channel) => channel switch
    {
        "email" => await Email.StartAsync(),
        "fitconnect" => await FitConnect.StartAsync(),
        "xta" => await Xta.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private sealed class Email(SmtpTestServer server, int port) : FollowUpReceiver
    {
        private SmtpTestServer? _server = server;

        public static async Task<FollowUpReceiver> StartAsync()
        {
            var server = await SmtpTestServer.StartAsync();
            return new Email(server, server.Port);
        }

        public override string Channel => "email";

        public override JsonObject Options => new()
        {
            ["host"] = "127.0.0.1", ["port"] = port, ["security"] = "none", ["from"] = "antraege@sozialplattform.example", ["to"] = "jobcenter@kreis-borken.example", ["timeoutSeconds"] = 10,
        };

        public override async Task SetDownAsync(bool down)
        {
            if (down && _server is not null) { await _server.DisposeAsync(); _server = null; }
            if (!down && _server is null) _server = await SmtpTestServer.StartAsync(port);
        }

        public override IReadOnlyList<Arrival> Arrivals() => (_server?.Received() ?? []).Select(m => new Arrival(
            m.MessageId ?? "", m.Headers["X-Sozialplattform-Receipt"], m.Subject, m.TextBody, m.InReplyTo,
            m.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName!, Content))
        {
            HasHtml = m.HtmlBody is not null, Recipients = m.To.Count + m.Cc.Count + m.Bcc.Count,
        }).ToList();

        public override async ValueTask DisposeAsync()
        {
            if (_server is not null) await _server.DisposeAsync();
        }

        private static byte[] Content(MimePart part)
        {
            using var stream = new MemoryStream();
            part.Content!.DecodeTo(stream);
            return stream.ToArray();
        }
    }

    private sealed class FitConnect(FitConnectTestServer server) : FollowUpReceiver
    {
        public static async Task<FollowUpReceiver> StartAsync() => new FitConnect(await FitConnectTestServer.StartAsync(
            RepositoryPaths.RequireShared("standards", "fitconnect", "metadata.schema.v1.0.0.json"),
            new Dictionary<string, JsonObject>
            {
                ["https://schema.example.org/sozialplattform/buergergeld/1.0.0/answers.schema.json"] = Packages.AnswersSchema,
                [FitConnectFollowUp.SchemaUri] = FitConnectFollowUp.Schema,
            }));

        public override string Channel => "fitconnect";

        public override JsonObject Options
        {
            get
            {
                var options = server.ChannelOptions(SchemaUriTemplate);
                options["leikaKey"] = "99107015017000";
                return options;
            }
        }

        public override Task SetDownAsync(bool down)
        {
            server.Unavailable = down;
            return Task.CompletedTask;
        }

        public override IReadOnlyList<Arrival> Arrivals() => server.Received.Select(r =>
        {
            var data = JsonNode.Parse(r.Data)!;
            var names = (r.Metadata["contentStructure"]!["attachments"] as JsonArray ?? []).ToDictionary(a => (string)a!["attachmentId"]!, a => (string?)a!["filename"] ?? "");
            return new Arrival(r.SubmissionId, (string?)data["receiptNumber"], null, (string?)data["message"], (string?)data["firstSubmission"]?["submissionId"],
                r.Attachments.ToDictionary(a => names[a.Key], a => a.Value));
        }).ToList();

        public override ValueTask DisposeAsync() => server.DisposeAsync();
    }

    private sealed class Xta(XtaTestEndpoint endpoint) : FollowUpReceiver
    {
        private static readonly XNamespace Meta = "http://www.osci.eu/ws/2014/10/transport";
        private static readonly XNamespace Wsa = "http://www.w3.org/2005/08/addressing";
        private static readonly XNamespace XtaNs = "http://xoev.de/transport/xta/211";

        public static async Task<FollowUpReceiver> StartAsync() => new Xta(await XtaTestEndpoint.StartAsync(RepositoryPaths.RequireShared("standards", "xta")));

        public override string Channel => "xta";

        public override JsonObject Options => new()
        {
            ["endpoint"] = endpoint.Url, ["authorIdentifier"] = "sozialplattform-nrw", ["readerIdentifier"] = "jobcenter-kreis-borken", ["service"] = "urn:sozialplattform:antrag",
        };

        public override Task SetDownAsync(bool down)
        {
            endpoint.TechnicalProblem = down;
            return Task.CompletedTask;
        }

        public override IReadOnlyList<Arrival> Arrivals() => endpoint.Accepted.Select(envelope =>
        {
            var identification = envelope.Descendants(Meta + "MsgIdentification").Single();
            var container = envelope.Descendants(XtaNs + "ContentContainer").Single();
            var message = Encoding.UTF8.GetString(Convert.FromBase64String(container.Element(XtaNs + "Message")!.Value));
            var root = XDocument.Parse(message).Root!;
            return new Arrival(identification.Element(Wsa + "MessageID")!.Value, (string?)root.Attribute("receiptNumber"), envelope.Descendants(Meta + "Subject").Single().Value,
                root.Elements().FirstOrDefault(e => e.Name.LocalName == "nachricht")?.Value,
                identification.Element(Meta + "In-Reply-To")?.Value,
                container.Elements(XtaNs + "Attachment").ToDictionary(a => (string)a.Attribute("filename")!, a => Convert.FromBase64String(a.Value)));
        }).ToList();

        public override ValueTask DisposeAsync() => endpoint.DisposeAsync();
    }
}
