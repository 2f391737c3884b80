using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sozialplattform.Catalog.Tenants;
using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Site;

/// <summary>
/// The tenant's legal, help and information pages (<see cref="TenantPages"/>), read at start, with the values their
/// placeholders take from the running configuration, and the address accessibility feedback is sent to.
/// </summary>
public sealed class SitePages(IReadOnlyList<TenantPage> pages, IReadOnlyDictionary<string, string> values, string? feedbackAddress)
{
    public IReadOnlyList<TenantPage> All => pages;

    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>Where feedback on accessibility goes (the tenant's contact e-mail); null: the form says to write by post or phone.</summary>
    public string? FeedbackAddress => feedbackAddress;

    public TenantPage? Find(string slug) => pages.FirstOrDefault(p => p.Slug == slug);

    /// <summary>Information pages, those of <paramref name="topic"/> only when given, in their order.</summary>
    public IReadOnlyList<TenantPage> Information(string? topic = null) =>
        pages.Where(p => p.IsInformation && (topic is null || p.Topics.Contains(topic))).OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();

    /// <summary>The page as safe HTML in <paramref name="language"/> or German, with its placeholders filled.</summary>
    /// <remarks>Pages and values are fixed at start, so each page is rendered once per language and kept.</remarks>
    public (string Html, string Language) Render(TenantPage page, string language) =>
        _rendered.GetOrAdd((page.Slug, language), _ =>
        {
            var (markdown, resolved) = page.Resolve(language);
            return (PageMarkdown.ToHtml(TenantPages.Fill(markdown, values), language), resolved);
        });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Slug, string Language), (string Html, string Language)> _rendered = new();

    public static SitePages Load(DeliveryOptions delivery, PortalOptions portal, CitizenSessionOptions session, IConfiguration configuration)
    {
        var folder = Path.Combine(delivery.TenantsFolder, portal.Tenant);
        var pages = TenantPages.Load(folder);
        var contact = Directory.Exists(folder) ? TenantFolderReader.Read(folder).Configuration?.Settings.Contact : null;
        var logins = configuration.GetSection(LoginProtectionOptions.Section).Get<LoginProtectionOptions>() ?? new LoginProtectionOptions();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["drafts.retentionDays"] = Number(portal.DraftRetentionDays),
            ["citizenSession.lifetimeHours"] = Number(session.SessionLifetime.TotalHours),
            ["citizenSession.idleMinutes"] = Number(session.IdleTimeout.TotalMinutes),
            ["logins.forgetFailedAfterHours"] = Number(logins.ForgetAfter.TotalHours),
            ["logins.trustAddressDays"] = Number(logins.TrustAddressFor.TotalDays),
            ["contact.email"] = contact?.Email ?? "",
            ["contact.phone"] = contact?.Phone ?? "",
        };
        return new SitePages(pages, values, contact?.Email);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
