using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// The self-service's own cookie (<c>sp-centres</c>, path <see cref="StaffRoutes.Root"/>, HttpOnly, SameSite=Strict, one
/// hour sliding): the account id and its security stamp; every request loads the account again, so a deleted account's
/// sessions end, and a logout (new stamp) ends every session of the account. Between a right password and a right
/// second-factor code the session is only <em>pending</em> (ten minutes): it opens the code pages and nothing else.
/// </summary>
public static class StaffSession
{
    public const string Scheme = "CentreStaff";
    public const string CookieName = "sp-centres";
    private const string StampClaim = "sozial:stamp";
    private const string PendingUntilClaim = "sozial:second-factor-until";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(10);

    public static Task SignInAsync(HttpContext http, CentreAccountRow account) => http.SignInAsync(Scheme, Principal(account));

    /// <summary>The password was right; the second factor is still to come.</summary>
    public static Task SignInPendingAsync(HttpContext http, CentreAccountRow account) =>
        http.SignInAsync(Scheme, Principal(account, new Claim(PendingUntilClaim, (DateTime.UtcNow + PendingFor).Ticks.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The signed-in account, or null (no cookie, a forged or expired one, a deleted account, an ended session, or one still waiting for its second factor).</summary>
    public static async Task<CentreAccountRow?> CurrentAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        return principal?.FindFirst(PendingUntilClaim) is null ? account : null;
    }

    /// <summary>The account whose password was right and whose second factor is still to come (within <see cref="PendingFor"/>).</summary>
    public static async Task<CentreAccountRow?> PendingAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        return account is not null && long.TryParse(principal!.FindFirstValue(PendingUntilClaim), CultureInfo.InvariantCulture, out var until) && until >= DateTime.UtcNow.Ticks
            ? account : null;
    }

    /// <summary>Ends every session of the account (a new stamp) and removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, CentreAccountRow? account)
    {
        if (account is not null) await http.RequestServices.GetRequiredService<CentreAccounts>().RenewStampAsync(account.Id, http.RequestAborted);
        await http.SignOutAsync(Scheme);
    }

    private static ClaimsPrincipal Principal(CentreAccountRow account, params Claim[] more) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()), new Claim(ClaimTypes.Name, account.Login), new Claim(StampClaim, account.SecurityStamp), .. more], Scheme));

    private static async Task<(CentreAccountRow? Account, ClaimsPrincipal? Principal)> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded || !Guid.TryParse(result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return (null, null);
        var account = await http.RequestServices.GetRequiredService<CentreAccounts>().FindAsync(id, http.RequestAborted);
        return account is not null && result.Principal!.FindFirstValue(StampClaim) == account.SecurityStamp ? (account, result.Principal) : (null, null);
    }
}
