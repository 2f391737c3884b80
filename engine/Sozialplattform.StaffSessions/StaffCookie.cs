using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sozialplattform.StaffSessions;

/// <summary>
/// The cookie every staff area signs in with: its own name and path (so it goes nowhere else), HttpOnly, SameSite=Strict,
/// Secure over HTTPS, one hour sliding. What it carries is <see cref="StaffCookieSession{TAccount}"/>'s business.
/// </summary>
public static class StaffCookie
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    /// <summary>How long a right password waits for its second factor.</summary>
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(10);

    public static AuthenticationBuilder AddStaffCookie(this AuthenticationBuilder authentication, string scheme, string cookieName, string path) =>
        authentication.AddCookie(scheme, cookie =>
        {
            cookie.Cookie.Name = cookieName;
            cookie.Cookie.Path = path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = IdleTimeout;
            cookie.SlidingExpiration = true;
        });
}
