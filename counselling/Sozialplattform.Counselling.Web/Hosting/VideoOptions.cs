using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// Section <c>Sozialplattform:Counselling:Video</c> of the host (each host serves one tenant, so these are the tenant's):
/// the STUN/TURN servers handed to the two participants of a call, how TURN credentials are made, how long a call rings
/// and may last, and how many calls a counsellor may start an hour. Without servers, browsers connect directly (host
/// candidates) — enough on one network, not across most NATs.
/// </summary>
public sealed record VideoOptions
{
    public IceServerOptions[] IceServers { get; init; } = [];

    /// <summary>coturn's <c>static-auth-secret</c> (<c>use-auth-secret</c>): TURN credentials are made per call and expire with it.</summary>
    public string? TurnSecret { get; init; }

    /// <summary>Both browsers use only the TURN relay: neither side learns the other's IP address (the media then pass the relay, still encrypted end to end).</summary>
    public bool RelayOnly { get; init; }

    public int RingMinutes { get; init; } = 3;
    public int CallMinutes { get; init; } = 120;
    public int CallsPerCounsellorPerHour { get; init; } = 30;

    /// <summary>The settings' problems, each a sentence for the operator; empty when the host may start.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var turn = false;
        foreach (var (server, index) in IceServers.Select((s, i) => (s, i)))
        {
            var name = $"{CounsellingOptions.Section}:Video:IceServers:{index}";
            if (server.Urls.Length == 0) problems.Add($"{name}: Urls is empty.");
            foreach (var url in server.Urls)
            {
                var scheme = url.Split(':', 2)[0];
                if (scheme is not ("stun" or "stuns" or "turn" or "turns") || url.Length <= scheme.Length + 1 || url.Any(char.IsWhiteSpace))
                    problems.Add($"{name}: '{url}' is not a stun:, stuns:, turn: or turns: address.");
                if (scheme is "turn" or "turns")
                {
                    turn = true;
                    if (TurnSecret is not { Length: > 0 } && (server.Username is not { Length: > 0 } || server.Credential is not { Length: > 0 }))
                        problems.Add($"{name}: the TURN server '{url}' needs TurnSecret (coturn use-auth-secret) or Username and Credential.");
                }
            }
        }

        if (RelayOnly && !turn) problems.Add($"{CounsellingOptions.Section}:Video:RelayOnly needs a turn: or turns: server.");
        if (RingMinutes is < 1 or > 30) problems.Add($"{CounsellingOptions.Section}:Video:RingMinutes must be 1 to 30.");
        if (CallMinutes is < 5 or > 480) problems.Add($"{CounsellingOptions.Section}:Video:CallMinutes must be 5 to 480.");
        if (CallsPerCounsellorPerHour < 1) problems.Add($"{CounsellingOptions.Section}:Video:CallsPerCounsellorPerHour must be at least 1.");
        return problems;
    }

    /// <summary>
    /// The servers as a browser's <c>RTCIceServer</c> list for one participant of a call: TURN servers with credentials of
    /// coturn's REST scheme — user <c>&lt;expiry as Unix time&gt;:&lt;call id&gt;</c>, password Base64(HMAC-SHA1(secret,
    /// user)) — valid until <paramref name="until"/>; STUN servers as they are.
    /// </summary>
    public IReadOnlyList<IceServer> For(Guid callId, DateTime until)
    {
        var username = string.Create(CultureInfo.InvariantCulture, $"{new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)).ToUnixTimeSeconds()}:{callId:N}");
        return [.. IceServers.Select(server => server.Urls.Any(u => u.StartsWith("turn", StringComparison.Ordinal))
            ? TurnSecret is { Length: > 0 } secret
                ? new IceServer(server.Urls, username, Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username))))
                : new IceServer(server.Urls, server.Username, server.Credential)
            : new IceServer(server.Urls, null, null))];
    }
}

public sealed record IceServerOptions
{
    public string[] Urls { get; init; } = [];

    /// <summary>Static TURN credentials, only where no <see cref="VideoOptions.TurnSecret"/> is set (every call then shares them).</summary>
    public string? Username { get; init; }
    public string? Credential { get; init; }
}

/// <summary>One entry of the browser's <c>iceServers</c>.</summary>
public sealed record IceServer(string[] Urls, string? Username, string? Credential);

/// <summary>What a participant gets on starting or accepting: the call, when its right ends, and the tenant's servers.</summary>
public sealed record CallJoin(Guid CallId, DateTime ExpiresAt, IReadOnlyList<IceServer> IceServers, string IceTransportPolicy);
