using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.StaffSignIn;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// The citizen login in one call: the session cookie (idle timeout, lifetime), the tenant's OpenID Connect providers
/// (<see cref="IdentityProviderReader"/>, <see cref="OpenIdConnectProvider"/>) and the development sign-in where allowed —
/// and, from the same file, the staff's single sign-on providers (<see cref="StaffSignInSetup"/>).
/// A wrong setting stops the host with an <see cref="IdentityConfigurationException"/> that names it.
/// </summary>
public static class CitizenSignInSetup
{
    public static void AddCitizenSignIn(this WebApplicationBuilder builder, PortalOptions portal, string tenantFolder)
    {
        DevelopmentSignInGuard.Check(portal, builder.Environment);
        var session = builder.Configuration.GetSection(CitizenSessionOptions.Section).Get<CitizenSessionOptions>() ?? new CitizenSessionOptions();
        if (session.IdleTimeout <= TimeSpan.Zero || session.SessionLifetime < session.IdleTimeout || session.ReauthenticationWindow <= TimeSpan.Zero)
            throw new IdentityConfigurationException($"{CitizenSessionOptions.Section}: IdleTimeout and ReauthenticationWindow must be positive and SessionLifetime at least IdleTimeout.");
        var providers = new IdentityProviders(IdentityProviderReader.Read(tenantFolder, builder.Configuration, allowHttp: builder.Environment.IsDevelopment()));

        var services = builder.Services;
        services.AddSingleton(session);
        services.AddSingleton(providers);
        services.AddSingleton<ICitizenSignIn, CitizenSignIn>();
        var authentication = services.AddAuthentication(CitizenSession.Scheme).AddCookie(CitizenSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = "sp-citizen";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = session.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = context =>
                CitizenSession.ValidateAsync(context, session, context.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        foreach (var provider in providers.All) OpenIdConnectProvider.Add(authentication, provider);
        // The staff's providers live in the same identity.json and share the same OpenID Connect code.
        builder.AddStaffSignIn(authentication, tenantFolder);
    }
}
