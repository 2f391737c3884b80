using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Reminders;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Centres.Web.Contact;
using Sozialplattform.StaffSessions;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Storage.Routing;
using System.Threading.RateLimiting;

namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>
/// <c>builder.AddCounsellingCentres()</c>: the Beratungsstellenfinder — its tables in the platform database, the
/// search, the tenant's centre settings, the self-service (accounts, its own cookie, the shared login protection and second factor), the public API's rate limit (its endpoints are in the host's one OpenAPI document). The host provides the
/// platform database, the postal-code data and the delivery settings (the citizen portal registers them).
/// </summary>
public static class CentresServices
{
    public const string ApiRateLimit = "centres-api";

    public static WebApplicationBuilder AddCounsellingCentres(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection("Sozialplattform:Centres");
        var tenant = builder.Configuration["Sozialplattform:Portal:Tenant"] ?? "nrw";
        services.AddSingleton(provider => CentresConfiguration.Load(provider.GetRequiredService<DeliveryOptions>().TenantsFolder, tenant));
        services.AddSingleton(provider => CentresDatabase.OpenAsync(provider.GetRequiredService<SozialDatabase>()).GetAwaiter().GetResult());
        services.AddSingleton(provider => new PostalCodeLocations(provider.GetRequiredService<GeoStore>()));
        services.AddSingleton(provider => new CentreStore(provider.GetRequiredService<CentresDatabase>()));
        services.AddSingleton(provider => new CentreFinder(provider.GetRequiredService<CentreStore>(), provider.GetRequiredService<PostalCodeLocations>(), provider.GetRequiredService<CentresOptions>(),
            refreshEvery: section.GetValue("IndexRefresh", TimeSpan.FromSeconds(2))));
        services.AddSingleton(provider => new CentreCheck(provider.GetRequiredService<PostalCodeLocations>(), provider.GetRequiredService<CentreFinder>().Topics));
        services.AddSingleton<CentreImporter>();
        var notifications = builder.Configuration.GetSection("Sozialplattform:Notifications");
        services.AddSingleton(new CentreMailServer(notifications["Smtp:Host"] ?? "", notifications.GetValue("Smtp:Port", 587), notifications["Smtp:Security"] ?? "startTls",
            notifications["From"] ?? "", notifications["Smtp:UserName"], notifications["Smtp:PasswordVariable"], notifications.GetValue("Smtp:TimeoutSeconds", 60)));
        services.AddSingleton<IDestinationResolver, CentreDestinations>();
        services.TryAddSingleton<IFinderInformation, NoFinderInformation>();
        services.TryAddSingleton<LoginProtection>();
        services.AddSingleton(provider => new CentreAccounts(provider.GetRequiredService<CentresDatabase>(), audit: provider.GetRequiredService<LoginProtection>()));
        services.AddSingleton<CentreSelfService>();
        services.AddSingleton(provider => new CentreAccountAdministration(provider.GetRequiredService<CentreAccounts>(), provider.GetRequiredService<SecondFactors>(),
            provider.GetRequiredService<MailQueue>(), StaffAccountEndpoints.Notice(provider.GetRequiredService<CentreTexts>())));
        services.AddAuthentication().AddStaffCookie(StaffSession.Scheme, StaffSession.CookieName, StaffRoutes.Root);
        services.TryAddSingleton(builder.Configuration.GetSection(LoginProtectionOptions.Section).Get<LoginProtectionOptions>() ?? new LoginProtectionOptions());
        services.TryAddSingleton<SecondFactors>();
        services.AddSingleton<CentreTexts>();
        services.AddHostedService<CentresStartup>();
        var portalUrl = builder.Configuration["Sozialplattform:Notifications:PortalUrl"] ?? "";
        services.AddSingleton(provider => new ConfirmationReminders(provider.GetRequiredService<CentreStore>(), provider.GetRequiredService<MailQueue>(),
            provider.GetRequiredService<CentresOptions>(), ConfirmationReminderService.Composer(provider.GetRequiredService<CentreTexts>(), portalUrl)));
        var reminderInterval = section.GetValue("ReminderInterval", TimeSpan.FromHours(1));
        services.AddHostedService(provider => new ConfirmationReminderService(provider.GetRequiredService<ConfirmationReminders>(), reminderInterval,
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ConfirmationReminderService>>()));

        var perMinute = section.GetValue("ApiRequestsPerMinute", 120);
        services.AddRateLimiter(limits => limits.AddPolicy(ApiRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.Configure<RateLimiterOptions>(limits => limits.RejectionStatusCode = 429);
        return builder;
    }
}
