namespace Sozialplattform.Web.Hosting;

/// <summary>Settings of the citizen portal (section <c>Sozialplattform:Portal</c>); paths are relative to the working directory.</summary>
public sealed record PortalOptions
{
    public const string Section = "Sozialplattform:Portal";

    /// <summary>Catalog folders whose forms the portal offers (the feature samples can be added: <c>samples</c>, listed under their own topic).</summary>
    public IReadOnlyList<string> CatalogRoots { get; init; } = ["forms-catalog"];

    /// <summary>The tenant (operator) this portal serves: its routing, branding and text overrides.</summary>
    public string Tenant { get; init; } = "nrw";

    /// <summary>Address to listen on when none is given with <c>--urls</c> or <c>ASPNETCORE_URLS</c>.</summary>
    public string DefaultUrl { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Offers the clearly labelled development sign-in (a fake identity provider: any name) for forms that need a login.
    /// Off unless switched on, and only allowed when the host runs in Development: anywhere else the host refuses to start.
    /// </summary>
    public bool DevelopmentSignIn { get; init; }

    /// <summary>Largest request body (uploads); each file field's own limits are checked as well.</summary>
    public long MaxRequestBytes { get; init; } = 30 * 1024 * 1024;

    /// <summary>
    /// Days after its last change an unsent draft (an application or a questionnaire's answers) and its uploads are
    /// deleted; the saved page tells the citizen.
    /// </summary>
    public int DraftRetentionDays { get; init; } = 30;

    /// <summary>
    /// Largest draft (its answers and place as stored, in UTF-8 bytes, uploads not counted: they have their own limits
    /// per file field). A save beyond it is refused with a message, and the answers stay in the citizen's form.
    /// </summary>
    public int MaxDraftBytes { get; init; } = 256 * 1024;

    /// <summary>Rate limits per client address on starting drafts and on posting their pages (section <c>…:Portal:RateLimits</c>).</summary>
    public DraftRateLimits RateLimits { get; init; } = new();

    /// <summary>Accessibility feedback messages one client address may send per hour (the form on the accessibility statement).</summary>
    public int FeedbackPerHour { get; init; } = 5;

    /// <summary>Runs the outbox dispatcher in this process (deliveries to the authorities).</summary>
    public bool RunDispatcher { get; init; } = true;
}

/// <summary>
/// How often one client address (<c>RemoteIpAddress</c>) may start a draft and post a page of one (save, next, update,
/// place, submit) within <see cref="Window"/>; beyond it the portal answers 429 with a page saying to wait. Behind a
/// reverse proxy the operator names it in <c>Sozialplattform:Proxies:Trusted</c> (see <c>TrustedProxies</c>), else every citizen shares the proxy's.
/// </summary>
public sealed record DraftRateLimits
{
    public int Starts { get; init; } = 30;
    public int Saves { get; init; } = 600;
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
}
