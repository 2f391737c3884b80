using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// The designer's sessions: a session carries the author's security stamp, every request compares it with the one in
/// <c>authors.json</c>, and a logout renews it — so a cookie copied before the logout (or any other session of the
/// author) opens nothing afterwards, and a deleted author's sessions end too.
/// </summary>
public static class DesignerSessions
{
    private const string StampClaim = "sozial:stamp";
    private const string PendingUntilClaim = "sozial:second-factor-until";
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(10);

    public static ClaimsPrincipal Principal(AuthorAccount account) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, account.Login), new Claim("name", account.DisplayName),
            new Claim(ClaimTypes.Role, DesignerAuthentication.AuthorRole), new Claim(StampClaim, account.SecurityStamp ?? ""),
        ],
        DesignerAuthentication.Scheme));

    /// <summary>
    /// The password was right, the second factor is still to come: the session names the author but has no author role,
    /// so it opens no designer page — only the code pages, for ten minutes.
    /// </summary>
    public static ClaimsPrincipal PendingPrincipal(AuthorAccount account) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, account.Login), new Claim(StampClaim, account.SecurityStamp ?? ""),
            new Claim(PendingUntilClaim, (DateTime.UtcNow + PendingFor).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
        DesignerAuthentication.Scheme));

    /// <summary>The login of a pending session (right password, second factor to come, within <see cref="PendingFor"/>), or null.</summary>
    public static async Task<string?> PendingLoginAsync(HttpContext context)
    {
        var authenticated = await context.AuthenticateAsync(DesignerAuthentication.Scheme);
        var until = authenticated.Principal?.FindFirstValue(PendingUntilClaim);
        return until is not null && long.TryParse(until, System.Globalization.CultureInfo.InvariantCulture, out var ticks) && ticks > DateTime.UtcNow.Ticks
            ? authenticated.Principal!.Identity?.Name
            : null;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var login = context.Principal?.Identity?.Name;
        var account = login is null ? null : context.HttpContext.RequestServices.GetRequiredService<AuthorAccounts>().Find(login);
        if (account is not null && context.Principal!.FindFirstValue(StampClaim) == (account.SecurityStamp ?? "")) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(DesignerAuthentication.Scheme);
    }

    /// <summary>Ends every session of the signed-in author (a new stamp), writes the logout to the audit log and removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        var authenticated = await context.AuthenticateAsync(DesignerAuthentication.Scheme);
        if (authenticated.Principal?.Identity?.Name is { } login && context.RequestServices.GetRequiredService<AuthorAccounts>().RenewStamp(login))
            await context.RequestServices.GetRequiredService<LoginProtection>().SignedOutAsync(LoginArea.Designer, login, context.RequestAborted);
        await context.SignOutAsync(DesignerAuthentication.Scheme);
    }
}
