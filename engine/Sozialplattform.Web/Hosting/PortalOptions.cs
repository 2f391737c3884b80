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

    /// <summary>Offers the clearly labelled development sign-in (a fake identity provider) for forms that need a login.</summary>
    public bool DevelopmentSignIn { get; init; } = true;

    /// <summary>Largest request body (uploads); each file field's own limits are checked as well.</summary>
    public long MaxRequestBytes { get; init; } = 30 * 1024 * 1024;

    /// <summary>
    /// Days after its last change an unsent draft (an application or a questionnaire's answers) and its uploads are
    /// deleted; the saved page tells the citizen.
    /// </summary>
    public int DraftRetentionDays { get; init; } = 30;

    /// <summary>Runs the outbox dispatcher in this process (deliveries to the authorities).</summary>
    public bool RunDispatcher { get; init; } = true;
}
