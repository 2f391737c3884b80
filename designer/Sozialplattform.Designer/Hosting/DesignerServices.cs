using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Designer.Usage;
using Sozialplattform.Designer.Versions;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// <c>builder.AddDesigner()</c>: everything the designer needs, registered in one call. The host provides the platform
/// database (<see cref="SozialDatabase"/>): login attempts are counted and audited there.
/// </summary>
public static class DesignerServices
{
    /// <param name="citizenPreview">The portal's field renderer for the preview, when the host has one.</param>
    public static WebApplicationBuilder AddDesigner(this WebApplicationBuilder builder, CitizenPreview? citizenPreview = null)
    {
        var options = builder.Configuration.GetSection(DesignerOptions.Section).Get<DesignerOptions>() ?? new DesignerOptions();
        var root = builder.Environment.ContentRootPath;
        var catalog = Path.GetFullPath(Path.Combine(root, options.CatalogDirectory));
        var data = Path.GetFullPath(Path.Combine(root, options.DataDirectory));
        var services = builder.Services;

        services.AddSingleton(options);
        services.TryAddSingleton(new DesignerExternalLogins([]));
        if (citizenPreview is not null) services.AddSingleton(citizenPreview);
        // With the platform's operations tables (the web host), drafts, published versions and authors are rows every
        // host shares (docs/DEPLOYMENT.md); what earlier versions kept in files is taken over once. Without them, files.
        services.AddSingleton(provider => DesignerStores.Open(provider, catalog, data, options, builder.Environment.IsDevelopment()));
        services.AddSingleton(provider => provider.GetRequiredService<DesignerStores>().Workspace);
        services.AddSingleton(provider => provider.GetRequiredService<DesignerStores>().Authors);
        services.AddSingleton(provider => provider.GetRequiredService<DesignerStores>().Review);
        // The portal's tenants (Sozialplattform:TenantsFolder), else those inside the catalog: whose routing names a form.
        var tenants = builder.Configuration["Sozialplattform:TenantsFolder"] is { Length: > 0 } configured ? Path.GetFullPath(Path.Combine(root, configured)) : Path.Combine(catalog, "tenants");
        services.AddSingleton(new ServiceRouting(tenants));
        // The service's routing edited per tenant (rows every host's router reads) and the portal's usage figures.
        services.AddSingleton(provider => new ServiceRoutingEditor(provider.GetRequiredService<ServiceRouting>(), provider.GetRequiredService<AuthorAccounts>(),
            provider.GetService<OperationsDatabase>() is { } operations ? new TenantRoutingEdits(operations) : null));
        services.AddSingleton(provider => new RoutingRenames(provider.GetRequiredService<FormWorkspace>(), provider.GetRequiredService<ServiceRoutingEditor>()));
        var minimumGroupSize = builder.Configuration.GetValue("Sozialplattform:UsageFigures:MinimumGroupSize", 10);
        services.AddSingleton(provider => new UsageFigureSource(
            provider.GetService<OperationsDatabase>() is { } operations ? new UsageFigures(operations) : null, minimumGroupSize));
        // Login attempts are throttled and audited in the platform database, by the same code as the inbox's.
        services.TryAddSingleton(builder.Configuration.GetSection(LoginProtectionOptions.Section).Get<LoginProtectionOptions>() ?? new LoginProtectionOptions());
        services.TryAddSingleton<LoginProtection>();
        services.TryAddSingleton<SecondFactors>();
        services.TryAddSingleton<IVersionUsage>(provider =>
            provider.GetService<SozialDatabase>() is { } database ? new StorageVersionUsage(database) : new NoVersionUsage());

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication().AddCookie(DesignerAuthentication.Scheme, cookie =>
        {
            cookie.LoginPath = DesignerAuthentication.LoginPath;
            cookie.AccessDeniedPath = DesignerAuthentication.LoginPath;
            cookie.Cookie.Name = "sozial.designer";
            cookie.Cookie.Path = "/"; // the circuit hub (/_blazor) needs it too
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = DesignerSessions.ValidateAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(DesignerAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(DesignerAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(DesignerAuthentication.AuthorRole));
        return builder;
    }
}

/// <summary>Without the platform's database there are no drafts or submissions to count.</summary>
internal sealed class NoVersionUsage : IVersionUsage
{
    public Task<IReadOnlyList<VersionUse>> ForFormAsync(string formId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<VersionUse>>([]);
}
