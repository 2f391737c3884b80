using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Components;
using Sozialplattform.Web.Components.Account;
using Sozialplattform.Web.Components.Fields;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Endpoints;
using Sozialplattform.Web.Localization;
using Sozialplattform.Web.Operations;
using Sozialplattform.Web.Places;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.Site;
using Sozialplattform.Web.Submissions;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// The citizen portal as two calls for <c>Program.cs</c>: <see cref="AddCitizenPortal"/> registers it (with storage,
/// routing and delivery), <see cref="MapCitizenPortal"/> puts its middleware and pages in place. Other areas
/// (authority inbox, designer) add their own <c>Add…</c>/<c>Map…</c> beside these.
/// </summary>
public static class CitizenPortalExtensions
{
    public static WebApplicationBuilder AddCitizenPortal(this WebApplicationBuilder builder)
    {
        PortalDefaults.AddTo(builder.Configuration);
        var (portal, delivery) = PortalConfiguration.Read(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddCitizenSignIn(portal, Path.Combine(delivery.TenantsFolder, portal.Tenant));
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(portal.DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = portal.MaxRequestBytes);
        // The environment made its file provider from the default web root when the builder was created; both must move.
        builder.Environment.WebRootPath = WebRoot();
        builder.Environment.WebRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(builder.Environment.WebRootPath);
        // Files of referenced libraries (the designer's _content/…, Blazor's _framework/…) come from the build's static
        // web assets manifest in every environment; a published app has them in its wwwroot and no manifest.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddRazorComponents();
        services.AddApiDocument();
        services.AddDraftLimits(portal);
        services.AddSharedKeyRing();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sp-antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton(portal);
        services.AddSingleton(RuleLimitsConfiguration.Read(builder.Configuration));
        // Registered through a factory so that the container disposes it (releasing the file) when the host stops.
        services.AddSingleton(_ => DataFolder.Writing(delivery.Storage, () => SqliteHostLock.Acquire(delivery.Storage)));
        services.AddSingleton(provider =>
        {
            provider.GetRequiredService<SqliteHostLock>();
            return DataFolder.OpenDatabase(delivery.Storage);
        });
        services.AddSingleton(provider => FormCatalog.Load(portal.CatalogRoots, delivery.TenantsFolder, portal.Tenant, provider.GetRequiredService<FormEngineOptions>(),
            new DeferredCatalogFiles(() => provider.GetRequiredService<SharedCatalogFiles>())));
        services.AddSingleton<IAnswersSchemaSource>(provider => provider.GetRequiredService<FormCatalog>());
        // Versions published in the designer, on this or any other host of the database, served without restart.
        services.AddSingleton<SharedCatalog>();
        services.AddSingleton<SharedCatalogFiles>();
        services.AddSingleton<PublishedVersions>();
        services.AddHostedService(provider => provider.GetRequiredService<PublishedVersions>());
        services.AddSozialDelivery(delivery);

        services.AddSingleton(PortalBranding.Load(delivery, portal));
        services.AddSingleton(provider => SitePages.Load(delivery, portal, provider.GetRequiredService<CitizenSessionOptions>(), builder.Configuration));
        services.AddSingleton<Sozialplattform.Centres.Web.Hosting.IFinderInformation, SiteFinderInformation>();
        services.AddSingleton<ChromeTexts>();
        services.AddScoped<PortalRequest>();
        services.AddSingleton(FieldComponentRegistry.WithBuiltIns());
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<PlaceDirectory>();
        services.AddSingleton<PlaceSelection>();
        services.AddSingleton(provider => ResponsibleOffices.Load(delivery, portal, provider.GetRequiredService<PlaceSelection>()));
        services.AddSingleton<PlaceDirectoryAccess>();
        Usage.UsageServices.AddPortalUsageAndRoutingEdits(services, builder.Configuration);
        services.AddSingleton(PlaceHints.Load(delivery, portal));
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<AttachmentUploads>();
        services.AddSingleton<PagePostHandler>();
        services.AddSingleton<ApplicationSubmitter>();
        services.AddSingleton<ApplicantPdf>();
        services.AddSingleton<Sozialplattform.Delivery.Outbox.IFormPdfRenderer, AuthorityPdf>();
        services.AddSingleton<LoginGate>();
        services.AddSingleton<Sozialplattform.Storage.Submissions.AccountStore>();
        services.AddAccountSections();

        services.AddHostedService<PortalStartup>();
        services.AddSingleton<DraftRetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<DraftRetentionService>());
        if (portal.RunDispatcher) services.AddHostedService<OutboxDispatcherService>();
        return builder;
    }

    /// <summary>wwwroot beside the assembly (build and publish output), else the source folder (a host started from a test project's output).</summary>
    private static string WebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(beside)) return beside;
        return typeof(CitizenPortalExtensions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceWebRoot")?.Value ?? beside;
    }

    /// <summary>Middleware, endpoints and pages of the portal; returns the pages' builder so others can add component assemblies.</summary>
    public static RazorComponentsEndpointConventionBuilder MapCitizenPortal(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fehler/500",
            CreateScopeForErrors = true,
            StatusCodeSelector = error => error switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when StorageFailures.IsUnavailable(error) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePagesWithReExecute("/fehler/{0}", queryFormat: null, createScopeForStatusCodePages: true);
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600" });
        app.UsePortalLanguage();
        app.UseAuthentication();
        app.UseAuthorization();
        // Before the antiforgery check, which reads the posted form: a client over its limit costs no form parsing.
        app.UseRateLimiter();
        app.UseOversizedUploads();
        app.UseAntiforgery();

        app.MapServiceEndpoints();
        app.MapPlaceEndpoints();
        app.MapPageEndpoints();
        app.MapSubmitEndpoints();
        app.MapResumeEndpoints();
        app.MapStatusEndpoints();
        app.MapSiteEndpoints();
        app.MapSignInEndpoints();
        app.MapAccountEndpoints();
        app.MapRulesScriptEndpoints();
        app.MapBrandingEndpoints();
        app.MapScopedStylesEndpoints();
        app.MapErrorEndpoints();
        app.MapApiDocument();
        return app.MapRazorComponents<App>();
    }

    /// <summary>Sets the request's language from the first URL segment (for error pages: from the original URL).</summary>
    private static void UsePortalLanguage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                       ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
                       ?? context.Request.Path.Value;
            if (PortalRequest.FromPath(path) is { } language) context.RequestServices.GetRequiredService<PortalRequest>().Use(language);
            await next();
        });
}
