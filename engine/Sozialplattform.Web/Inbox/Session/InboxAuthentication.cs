using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// The inbox's own cookie (<c>sp-inbox</c>, path <c>/posteingang</c>): the platform's one staff session
/// (<see cref="StaffCookieSession{TAccount}"/> — HttpOnly, SameSite=Strict, one hour sliding, the account's security
/// stamp checked on every request, a pending state between password and second factor) over caseworker accounts.
/// </summary>
public static class InboxAuthentication
{
    public const string Scheme = "Inbox";
    public const string CookieName = "sp-inbox";
    public static readonly TimeSpan IdleTimeout = StaffCookieSession<CaseworkerAccount>.IdleTimeout;

    public static StaffCookieSession<CaseworkerAccount> Session { get; } = new(Scheme, CookieName, InboxRoutes.Root,
        (http, id) => http.RequestServices.GetRequiredService<CaseworkerAccounts>().FindAsync(id, http.RequestAborted));

    public static Task SignInAsync(HttpContext http, CaseworkerAccount account) => Session.SignInAsync(http, account);

    public static Task SignInPendingAsync(HttpContext http, CaseworkerAccount account, string? returnUrl) => Session.SignInPendingAsync(http, account, returnUrl);

    public static Task SignOutAsync(HttpContext http) => Session.SignOutAsync(http);

    public static Task<CaseworkerAccount?> CurrentAsync(HttpContext http) => Session.CurrentAsync(http);

    public static Task<(CaseworkerAccount Account, string ReturnUrl)?> PendingAsync(HttpContext http) => Session.PendingAsync(http);
}
