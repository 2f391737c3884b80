using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// The inbox's own cookie (<c>sp-inbox</c>, path <c>/posteingang</c>, HttpOnly, SameSite=Strict, one hour sliding):
/// it carries the account id and the account's security stamp; every request loads the account again, so the session of a
/// deleted account ends, and so does every session of an account whose stamp was renewed (logout, unlock): a cookie
/// copied before the logout opens nothing afterwards. Between a right password and a right second-factor code the
/// cookie is only <em>pending</em> (ten minutes, with the return address): it opens the code pages and nothing else.
/// </summary>
public static class InboxAuthentication
{
    public const string Scheme = "Inbox";
    public const string CookieName = "sp-inbox";
    private const string StampClaim = "sozial:stamp";
    private const string PendingUntilClaim = "sozial:second-factor-until";
    private const string ReturnClaim = "sozial:return";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(10);

    public static Task SignInAsync(HttpContext http, CaseworkerAccount account) =>
        http.SignInAsync(Scheme, Principal(account));

    /// <summary>The password was right; the second factor is still to come (<see cref="PendingAsync"/>).</summary>
    public static Task SignInPendingAsync(HttpContext http, CaseworkerAccount account, string? returnUrl) =>
        http.SignInAsync(Scheme, Principal(account,
            new Claim(PendingUntilClaim, (DateTime.UtcNow + PendingFor).Ticks.ToString(CultureInfo.InvariantCulture)), new Claim(ReturnClaim, returnUrl ?? "")));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The signed-in caseworker, or null (no cookie, an expired or forged one, a deleted account, a session ended by a new stamp, or one still waiting for its second factor).</summary>
    public static async Task<CaseworkerAccount?> CurrentAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        return principal?.FindFirst(PendingUntilClaim) is null ? account : null;
    }

    /// <summary>The caseworker whose password was right and whose second factor is still to come (within <see cref="PendingFor"/>), with the return address.</summary>
    public static async Task<(CaseworkerAccount Account, string ReturnUrl)?> PendingAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        if (account is null || !long.TryParse(principal!.FindFirstValue(PendingUntilClaim), CultureInfo.InvariantCulture, out var until) || until < DateTime.UtcNow.Ticks) return null;
        return (account, principal!.FindFirstValue(ReturnClaim) ?? "");
    }

    private static ClaimsPrincipal Principal(CaseworkerAccount account, params Claim[] more) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()), new Claim(ClaimTypes.Name, account.Login), new Claim(StampClaim, account.SecurityStamp), .. more], Scheme));

    private static async Task<(CaseworkerAccount? Account, ClaimsPrincipal? Principal)> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!result.Succeeded || !Guid.TryParse(id, out var accountId)) return (null, null);
        var account = await http.RequestServices.GetRequiredService<CaseworkerAccounts>().FindAsync(accountId, http.RequestAborted);
        return account is not null && result.Principal!.FindFirstValue(StampClaim) == account.SecurityStamp ? (account, result.Principal) : (null, null);
    }
}
