using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.StaffSessions;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// The inbox's own cookie (<c>sp-inbox</c>, path <c>/posteingang</c>), the staff areas' one session
/// (<see cref="StaffCookieSession{TAccount}"/>: account id and security stamp, loaded again on every request; pending
/// between password and second factor, here with the return address) for caseworker accounts.
/// </summary>
public static class InboxAuthentication
{
    public const string Scheme = "Inbox";
    public const string CookieName = "sp-inbox";
    public static readonly TimeSpan IdleTimeout = StaffCookie.IdleTimeout;
    public static readonly TimeSpan PendingFor = StaffCookie.PendingFor;

    private static readonly StaffCookieSession<CaseworkerAccount> Session = new(Scheme, a => new(a.Id, a.Login, a.SecurityStamp),
        (http, id) => http.RequestServices.GetRequiredService<CaseworkerAccounts>().FindAsync(id, http.RequestAborted));

    public static Task SignInAsync(HttpContext http, CaseworkerAccount account) => Session.SignInAsync(http, account);

    /// <summary>The password was right; the second factor is still to come (<see cref="PendingAsync"/>).</summary>
    public static Task SignInPendingAsync(HttpContext http, CaseworkerAccount account, string? returnUrl) => Session.SignInPendingAsync(http, account, returnUrl ?? "");

    public static Task SignOutAsync(HttpContext http) => Session.SignOutAsync(http);

    /// <summary>The signed-in caseworker, or null (no cookie, an expired or forged one, a deleted account, a session ended by a new stamp, or one still waiting for its second factor).</summary>
    public static Task<CaseworkerAccount?> CurrentAsync(HttpContext http) => Session.CurrentAsync(http);

    /// <summary>The caseworker whose password was right and whose second factor is still to come (within <see cref="PendingFor"/>), with the return address.</summary>
    public static Task<(CaseworkerAccount Account, string ReturnUrl)?> PendingAsync(HttpContext http) => Session.PendingAsync(http);
}
