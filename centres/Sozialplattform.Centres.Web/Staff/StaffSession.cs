using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.StaffSessions;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// The self-service's own cookie (<c>sp-centres</c>, path <see cref="StaffRoutes.Root"/>), the staff areas' one session
/// (<see cref="StaffCookieSession{TAccount}"/>: account id and security stamp, loaded again on every request; pending
/// between password and second factor) for centre accounts. A logout renews the stamp, so every session of the account ends.
/// </summary>
public static class StaffSession
{
    public const string Scheme = "CentreStaff";
    public const string CookieName = "sp-centres";
    public static readonly TimeSpan IdleTimeout = StaffCookie.IdleTimeout;
    public static readonly TimeSpan PendingFor = StaffCookie.PendingFor;

    private static readonly StaffCookieSession<CentreAccountRow> Session = new(Scheme, a => new(a.Id, a.Login, a.SecurityStamp),
        (http, id) => http.RequestServices.GetRequiredService<CentreAccounts>().FindAsync(id, http.RequestAborted));

    public static Task SignInAsync(HttpContext http, CentreAccountRow account) => Session.SignInAsync(http, account);

    /// <summary>The password was right; the second factor is still to come.</summary>
    public static Task SignInPendingAsync(HttpContext http, CentreAccountRow account) => Session.SignInPendingAsync(http, account);

    /// <summary>The signed-in account, or null (no cookie, a forged or expired one, a deleted account, an ended session, or one still waiting for its second factor).</summary>
    public static Task<CentreAccountRow?> CurrentAsync(HttpContext http) => Session.CurrentAsync(http);

    /// <summary>The account whose password was right and whose second factor is still to come (within <see cref="PendingFor"/>).</summary>
    public static async Task<CentreAccountRow?> PendingAsync(HttpContext http) => (await Session.PendingAsync(http))?.Account;

    /// <summary>Ends every session of the account (a new stamp) and removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, CentreAccountRow? account)
    {
        if (account is not null) await http.RequestServices.GetRequiredService<CentreAccounts>().RenewStampAsync(account.Id, http.RequestAborted);
        await Session.SignOutAsync(http);
    }
}
