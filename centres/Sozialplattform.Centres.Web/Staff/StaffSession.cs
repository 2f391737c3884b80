using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// The self-service's own cookie (<c>sp-centres</c>, path <see cref="StaffRoutes.Root"/>): the platform's one staff session
/// (<see cref="StaffCookieSession{TAccount}"/>, shared with the inbox — HttpOnly, SameSite=Strict, one hour sliding, the
/// security stamp checked on every request, pending for ten minutes between password and second factor) over centre accounts.
/// </summary>
public static class StaffSession
{
    public const string Scheme = "CentreStaff";
    public const string CookieName = "sp-centres";
    public static readonly TimeSpan IdleTimeout = StaffCookieSession<CentreAccountRow>.IdleTimeout;

    public static StaffCookieSession<CentreAccountRow> Session { get; } = new(Scheme, CookieName, StaffRoutes.Root,
        (http, id) => http.RequestServices.GetRequiredService<CentreAccounts>().FindAsync(id, http.RequestAborted));

    public static Task SignInAsync(HttpContext http, CentreAccountRow account) => Session.SignInAsync(http, account);

    /// <summary>The password was right; the second factor is still to come.</summary>
    public static Task SignInPendingAsync(HttpContext http, CentreAccountRow account) => Session.SignInPendingAsync(http, account);

    public static Task<CentreAccountRow?> CurrentAsync(HttpContext http) => Session.CurrentAsync(http);

    /// <summary>The account whose password was right and whose second factor is still to come.</summary>
    public static async Task<CentreAccountRow?> PendingAsync(HttpContext http) => (await Session.PendingAsync(http))?.Account;

    /// <summary>Ends every session of the account (a new stamp) and removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, CentreAccountRow? account)
    {
        if (account is not null) await http.RequestServices.GetRequiredService<CentreAccounts>().RenewStampAsync(account.Id, http.RequestAborted);
        await Session.SignOutAsync(http);
    }
}
