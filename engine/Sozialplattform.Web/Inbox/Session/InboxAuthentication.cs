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
/// copied before the logout opens nothing afterwards.
/// </summary>
public static class InboxAuthentication
{
    public const string Scheme = "Inbox";
    public const string CookieName = "sp-inbox";
    private const string StampClaim = "sozial:stamp";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    public static Task SignInAsync(HttpContext http, CaseworkerAccount account)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()), new Claim(ClaimTypes.Name, account.Login), new Claim(StampClaim, account.SecurityStamp)], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The signed-in caseworker, or null (no cookie, an expired or forged one, a deleted account, or a session ended by a new stamp).</summary>
    public static async Task<CaseworkerAccount?> CurrentAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!result.Succeeded || !Guid.TryParse(id, out var accountId)) return null;
        var account = await http.RequestServices.GetRequiredService<CaseworkerAccounts>().FindAsync(accountId, http.RequestAborted);
        return account is not null && result.Principal!.FindFirstValue(StampClaim) == account.SecurityStamp ? account : null;
    }
}
