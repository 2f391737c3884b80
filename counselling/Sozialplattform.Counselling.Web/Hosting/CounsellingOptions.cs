namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// Section <c>Sozialplattform:Counselling</c>: the rate limits of the open endpoints (per client address — an IPv4
/// address or an IPv6 /64 — and, for messages, per account as well) and the address links in notices start with
/// (default <c>Sozialplattform:Notifications:PortalUrl</c>, else the address a page was called at).
/// </summary>
public sealed record CounsellingOptions
{
    public const string Section = "Sozialplattform:Counselling";

    public string Tenant { get; init; } = "nrw";
    public string PortalUrl { get; init; } = "";

    public int RegistrationsPerHour { get; init; } = 10;
    public int LoginsPerMinute { get; init; } = 20;
    public int ResetsPerHour { get; init; } = 10;
    public int MessagesPerMinute { get; init; } = 30;
    public int MessagesPerAccountPerHour { get; init; } = 60;

    /// <summary>How many files a conversation may hold in all (<c>MessageFiles</c> limits each message).</summary>
    public int FilesPerConversation { get; init; } = Sozialplattform.Counselling.Conversations.MessageFiles.DefaultMaxPerConversation;

    /// <summary>The reply time (working days) seekers are told where the centre's leads have set none.</summary>
    public int ReplyDays { get; init; } = 2;

    /// <summary>Retention of this host's tenant (on by default): days without activity, days after the end, days of warning before.</summary>
    public int RetentionInactiveDays { get; init; } = 180;
    public int RetentionEndedDays { get; init; } = 30;
    public int RetentionWarnDays { get; init; } = 7;

    /// <summary>Video calls: STUN/TURN servers, ring and call time, calls per counsellor (<c>Sozialplattform:Counselling:Video</c>).</summary>
    public VideoOptions Video { get; init; } = new();
}
