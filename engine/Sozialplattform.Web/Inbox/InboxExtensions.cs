using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sozialplattform.StaffSessions;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Endpoints;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Inbox.Session;
using Sozialplattform.Web.StaffSignIn;

namespace Sozialplattform.Web.Inbox;

/// <summary>
/// The authority inbox under <c>/posteingang</c> as two calls for <c>Program.cs</c>, beside the citizen portal (whose
/// storage, catalog and middleware it uses): caseworker login with its own cookie, list, detail, files, exports, status
/// changes, notes, follow-ups and deadlines; for operators the operations page (deliveries, "retry now") — and the
/// e-mails that tell applicants about status changes.
/// </summary>
public static class InboxExtensions
{
    public static WebApplicationBuilder AddAuthorityInbox(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication().AddStaffCookie(InboxAuthentication.Scheme, InboxAuthentication.CookieName, InboxRoutes.Root);
        services.TryAddSingleton(builder.Configuration.GetSection(LoginProtectionOptions.Section).Get<LoginProtectionOptions>() ?? new LoginProtectionOptions());
        services.TryAddSingleton<SecondFactors>();
        services.AddSingleton<StaffSecondFactorPolicy>();
        services.AddSingleton<InboxTexts>();
        services.AddScoped<InboxRequest>();
        services.AddSingleton<InboxClock>();
        services.AddSingleton<SubmissionView>();
        services.AddSingleton<SubmissionExports>();
        services.AddSingleton<DecisionLetters>();
        services.AddSingleton<ServiceChecklists>();
        builder.AddApplicantNotifications();
        services.AddHostedService<InboxStartup>();
        services.AddSingleton<CaseRetentionService>();
        services.AddSingleton<Sozialplattform.Storage.Cases.RetentionOverview>();
        services.AddHostedService(provider => provider.GetRequiredService<CaseRetentionService>());
        return builder;
    }

    /// <summary>Maps the inbox; call after <c>MapCitizenPortal</c> (it relies on the portal's authentication, antiforgery and static files).</summary>
    public static WebApplication MapAuthorityInbox(this WebApplication app)
    {
        var inbox = app.MapGroup(InboxRoutes.Root).NoStore();
        inbox.MapInboxLogin();
        // Single sign-on through the authority's own provider, for the inbox and the designer (StaffSignIn).
        app.MapStaffSignIn();
        var signedIn = inbox.MapGroup("").RequireCaseworker();
        signedIn.MapInboxLists();
        signedIn.MapInboxSubmission();
        signedIn.MapInboxActions();
        signedIn.MapInboxCases();
        inbox.MapGroup("").RequireOperator().MapInboxOperations();
        return app;
    }
}
