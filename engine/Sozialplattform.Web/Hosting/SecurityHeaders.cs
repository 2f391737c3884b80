using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// The Content-Security-Policy and the other protective headers of every response: scripts and styles only
/// from the portal itself (no inline code, no eval), no framing, forms only to the portal (and, for the logout, to the
/// citizen identity providers), no referrer (the
/// resume and status links carry secrets). Every response that does not say how it may be cached (static files,
/// the versioned rules scripts do) is <c>no-store</c>: pages with answers, receipts with the access code, status
/// pages and PDFs never land in a browser's or proxy's cache. Over HTTPS (outside Development) HSTS tells the
/// browser to use nothing else for a year.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>
    /// Never cached. <c>no-cache</c> besides <c>no-store</c> is what ASP.NET's antiforgery sets on every page with a
    /// form; with exactly this value it has nothing to override and logs no warning.
    /// </summary>
    public const string NoStore = "no-cache, no-store";

    /// <summary>For responses the same for everyone (the tenant's styles and logo), like the static files.</summary>
    public static RouteHandlerBuilder CachedForAnHour(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
            return await next(context);
        });

    /// <summary>
    /// The policy with the citizen identity providers that end sessions at logout among the form targets: the logout is a
    /// form post answered with the way to the provider's end-session endpoint, and browsers hold a form's redirects to
    /// <c>form-action</c> too (without this, Chromium stops the logout before it reaches the provider).
    /// </summary>
    public static string PolicyFor(IEnumerable<Uri> logoutTargets)
    {
        var origins = logoutTargets.Select(t => t.GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).ToList();
        return origins.Count == 0 ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', origins), StringComparison.Ordinal);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var development = app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var policy = PolicyFor(app.ApplicationServices.GetService<SignIn.IdentityProviders>()?.All.Where(p => p.EndSession).Select(p => p.Issuer) ?? []);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.Request.IsHttps && !development) headers.StrictTransportSecurity = StrictTransportSecurity;
            context.Response.OnStarting(() =>
            {
                if (string.IsNullOrEmpty(context.Response.Headers.CacheControl)) context.Response.Headers.CacheControl = NoStore;
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
