using Microsoft.Extensions.Configuration;
using Sozialplattform.Delivery;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// Reads the portal's and the delivery's settings (section <c>Sozialplattform</c>) and makes every path absolute
/// against the content root (the working directory of `dotnet run`), so that the host finds <c>./data</c>, the catalogs and <c>../shared</c> when it
/// is started from the repository root.
/// </summary>
public static class PortalConfiguration
{
    public static (PortalOptions Portal, DeliveryOptions Delivery) Read(IConfiguration configuration, string baseDirectory)
    {
        var section = configuration.GetSection(PortalOptions.Section);
        var portal = new PortalOptions();
        portal = portal with
        {
            CatalogRoots = (section.GetSection(nameof(PortalOptions.CatalogRoots)).Get<string[]>() ?? [.. portal.CatalogRoots]).Select(p => Absolute(baseDirectory, p)!).ToList(),
            Tenant = section[nameof(PortalOptions.Tenant)] ?? portal.Tenant,
            DefaultUrl = section[nameof(PortalOptions.DefaultUrl)] ?? portal.DefaultUrl,
            DevelopmentSignIn = section.GetValue(nameof(PortalOptions.DevelopmentSignIn), portal.DevelopmentSignIn),
            MaxRequestBytes = section.GetValue(nameof(PortalOptions.MaxRequestBytes), portal.MaxRequestBytes),
            RunDispatcher = section.GetValue(nameof(PortalOptions.RunDispatcher), portal.RunDispatcher),
            DraftRetentionDays = section.GetValue(nameof(PortalOptions.DraftRetentionDays), portal.DraftRetentionDays),
            MaxDraftBytes = section.GetValue(nameof(PortalOptions.MaxDraftBytes), portal.MaxDraftBytes),
            RateLimits = section.GetSection(nameof(PortalOptions.RateLimits)).Get<DraftRateLimits>() ?? portal.RateLimits,
            FeedbackPerHour = section.GetValue(nameof(PortalOptions.FeedbackPerHour), portal.FeedbackPerHour),
        };
        if (portal.FeedbackPerHour < 1)
            throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.FeedbackPerHour)} must be at least 1; it is {portal.FeedbackPerHour}.");
        if (portal.DraftRetentionDays < 1)
            throw new InvalidOperationException($"{PortalOptions.Section}:{nameof(PortalOptions.DraftRetentionDays)} must be at least 1 (days); it is {portal.DraftRetentionDays}.");

        if (portal.MaxDraftBytes < 1024 || portal.RateLimits.Starts < 1 || portal.RateLimits.Saves < 1 || portal.RateLimits.Window <= TimeSpan.Zero)
            throw new InvalidOperationException($"{PortalOptions.Section}: {nameof(PortalOptions.MaxDraftBytes)} must be at least 1024 and the rate limits ({nameof(PortalOptions.RateLimits)}: Starts, Saves, Window) positive.");

        var delivery = configuration.GetSection("Sozialplattform").Get<DeliveryOptions>() ?? new DeliveryOptions();
        delivery = delivery with
        {
            Storage = delivery.Storage with { DataDirectory = Absolute(baseDirectory, delivery.Storage.DataDirectory)! },
            TenantsFolder = Absolute(baseDirectory, delivery.TenantsFolder)!,
            Geo = delivery.Geo with { CsvPath = Absolute(baseDirectory, delivery.Geo.CsvPath) },
        };
        return (portal, delivery);
    }

    private static string? Absolute(string baseDirectory, string? path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
}
