using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Web.Hosting;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Live;
using Sozialplattform.Counselling.Web.Seeker;
using Sozialplattform.Counselling.Web.Components.Account;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// <c>builder.AddOnlineCounselling()</c>: anonymous online counselling with the counselling centres — its tables in the
/// platform database, the seekers' accounts and cookie, the conversations, the notices through the platform's mail
/// queue, the rate limits. Needs the centres (<c>AddCounsellingCentres()</c>: their staff login, finder and tenant
/// settings) and the platform database, login protection and mail queue (the citizen portal registers them).
/// </summary>
public static class CounsellingServices
{
    /// <summary>Its place on "Mein Konto": after drafts (100), applications (200) and appointments (300).</summary>
    public const int AccountOrder = 400;

    /// <summary>A Redis connection string (<c>host:port</c>): live updates reach pages connected to other hosts (SignalR's Redis backplane). Unset: one host needs nothing.</summary>
    public const string RedisSetting = "Sozialplattform:Redis";

    public static WebApplicationBuilder AddOnlineCounselling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var configured = configuration.GetSection(CounsellingOptions.Section).Get<CounsellingOptions>() ?? new CounsellingOptions();
        var options = configured with
        {
            Tenant = configuration["Sozialplattform:Portal:Tenant"] ?? configured.Tenant,
            PortalUrl = configured.PortalUrl is { Length: > 0 } url ? url : configuration["Sozialplattform:Notifications:PortalUrl"] ?? "",
        };
        services.AddSingleton(options);
        services.AddSingleton(provider => CounsellingDatabase.OpenAsync(provider.GetRequiredService<SozialDatabase>()).GetAwaiter().GetResult());
        services.AddSingleton(provider => new ConversationStore(provider.GetRequiredService<CounsellingDatabase>(), provider.GetService<TimeProvider>(), options.FilesPerConversation,
            provider.GetRequiredService<IConversationChanges>()));
        services.AddSingleton<IConversationChanges, LiveConversationChanges>();
        var signalR = services.AddSignalR();
        if (configuration[RedisSetting] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, redisOptions => redisOptions.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("sozial-counselling"));
        services.AddSingleton(provider => new SeekerAccounts(provider.GetRequiredService<CounsellingDatabase>(), clock: provider.GetService<TimeProvider>()));
        services.AddSingleton<SeekerConversations>();
        services.AddSingleton<CounsellorDesk>();
        if (options.Video.Problems() is { Count: > 0 } videoProblems)
            throw new InvalidOperationException("Video settings: " + string.Join(" ", videoProblems));
        services.AddSingleton(provider => new VideoCalls(provider.GetRequiredService<ConversationStore>(), provider.GetRequiredService<CounsellorDesk>(),
            provider.GetRequiredService<SeekerConversations>(), TimeSpan.FromMinutes(options.Video.RingMinutes), TimeSpan.FromMinutes(options.Video.CallMinutes)));
        services.AddSingleton(new VideoCallLimit(options.Video.CallsPerCounsellorPerHour));
        services.AddSingleton(provider => new CounsellingTeam(provider.GetRequiredService<CounsellingDatabase>(), provider.GetService<TimeProvider>()));
        services.AddSingleton<CounsellingRetention>();
        services.AddSingleton<ConversationExport>();
        services.AddSingleton<CounsellingAccessLog>();
        services.AddSingleton<CounsellingRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<CounsellingRetentionService>());
        services.AddSingleton(provider => new CounsellingTextBlocks(provider.GetRequiredService<CounsellingDatabase>(), provider.GetService<TimeProvider>()));
        services.AddSingleton(provider => new CounsellingAbsences(provider.GetRequiredService<CounsellingDatabase>(), provider.GetService<TimeProvider>()));
        services.AddSingleton<CounsellingTexts>();
        services.AddSingleton<CounsellingNotices>();
        services.AddCounsellingLimits(options);
        services.AddAuthentication().AddCookie(SeekerSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = SeekerSession.CookieName;
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = SeekerSession.IdleTimeout;
            cookie.SlidingExpiration = true;
        });
        services.AddSingleton(provider => new StaffCentreLink((lang, centreId) =>
            (CounsellingRoutes.Desk(lang, centreId), provider.GetRequiredService<CounsellingTexts>().Get(lang, "desk.title"))));
        services.AddSingleton(provider => OnlineCentres.Link(provider.GetRequiredService<CounsellingTexts>()));
        services.AddSingleton(provider => new AccountSection("online-beratung", AccountOrder,
            lang => provider.GetRequiredService<CounsellingTexts>().Get(lang, "start.title"), typeof(AccountCounselling)));
        return builder;
    }

    /// <summary>The address links in notices start with: the configured portal address, else the one this request came to.</summary>
    public static string BaseUrl(CounsellingOptions options, HttpContext http) =>
        options.PortalUrl is { Length: > 0 } url ? url.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
}
