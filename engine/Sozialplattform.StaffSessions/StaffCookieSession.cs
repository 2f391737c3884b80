using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Sozialplattform.StaffSessions;

/// <summary>What a staff session carries of its account: the id to load it again, the login, and the security stamp it was signed in with.</summary>
public readonly record struct StaffIdentity(Guid Id, string Login, string SecurityStamp);

/// <summary>
/// The session of one staff area in its <see cref="StaffCookie"/>: the account id, its login and its security stamp.
/// Every request loads the account again, so a deleted account's sessions end, and so does every session of an account
/// whose stamp was renewed (logout, unlock, a reset second factor): a cookie copied before opens nothing afterwards.
/// Between a right password and a right second-factor code the session is only <em>pending</em>
/// (<see cref="StaffCookie.PendingFor"/>, optionally with the address to return to): it opens the code pages and nothing else.
/// </summary>
/// <param name="identify">The id, login and current stamp of an account.</param>
/// <param name="find">The account with an id, loaded for the request (null when it no longer exists).</param>
public sealed class StaffCookieSession<TAccount>(string scheme, Func<TAccount, StaffIdentity> identify, Func<HttpContext, Guid, Task<TAccount?>> find)
    where TAccount : class
{
    private const string StampClaim = "sozial:stamp";
    private const string PendingUntilClaim = "sozial:second-factor-until";
    private const string ReturnClaim = "sozial:return";

    public Task SignInAsync(HttpContext http, TAccount account) => http.SignInAsync(scheme, Principal(account));

    /// <summary>The password was right; the second factor is still to come (<see cref="PendingAsync"/>).</summary>
    public Task SignInPendingAsync(HttpContext http, TAccount account, string? returnUrl = null)
    {
        var until = new Claim(PendingUntilClaim, (DateTime.UtcNow + StaffCookie.PendingFor).Ticks.ToString(CultureInfo.InvariantCulture));
        return http.SignInAsync(scheme, returnUrl is null ? Principal(account, until) : Principal(account, until, new Claim(ReturnClaim, returnUrl)));
    }

    public Task SignOutAsync(HttpContext http) => http.SignOutAsync(scheme);

    /// <summary>The signed-in account, or null (no cookie, an expired or forged one, a deleted account, a session ended by a new stamp, or one still waiting for its second factor).</summary>
    public async Task<TAccount?> CurrentAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        return principal?.FindFirst(PendingUntilClaim) is null ? account : null;
    }

    /// <summary>The account whose password was right and whose second factor is still to come (within <see cref="StaffCookie.PendingFor"/>), with the return address ("" when none).</summary>
    public async Task<(TAccount Account, string ReturnUrl)?> PendingAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        if (account is null || !long.TryParse(principal!.FindFirstValue(PendingUntilClaim), CultureInfo.InvariantCulture, out var until) || until < DateTime.UtcNow.Ticks) return null;
        return (account, principal!.FindFirstValue(ReturnClaim) ?? "");
    }

    private ClaimsPrincipal Principal(TAccount account, params Claim[] more)
    {
        var identity = identify(account);
        return new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, identity.Id.ToString()), new Claim(ClaimTypes.Name, identity.Login), new Claim(StampClaim, identity.SecurityStamp), .. more], scheme));
    }

    private async Task<(TAccount? Account, ClaimsPrincipal? Principal)> ReadAsync(HttpContext http)
    {
        var principal = await CarriedSessions.ReadAsync(http, scheme);
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return (null, null);
        var account = await find(http, id);
        return account is not null && principal!.FindFirstValue(StampClaim) == identify(account).SecurityStamp ? (account, principal) : (null, null);
    }
}
