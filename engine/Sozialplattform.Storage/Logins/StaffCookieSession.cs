using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Storage.Logins;

/// <summary>A staff login a cookie session can carry: its id, its login name and its security stamp (renewed to end every session).</summary>
public interface IStaffAccount
{
    Guid Id { get; }
    string Login { get; }
    string SecurityStamp { get; }
}

/// <summary>
/// One staff area's own cookie session (the authority inbox's <c>sp-inbox</c>, the centres' self-service <c>sp-centres</c>):
/// HttpOnly, SameSite=Strict, on the area's path only, one hour sliding. It carries the account id and the account's
/// security stamp; every request loads the account again, so the session of a deleted account ends, and so does every
/// session of an account whose stamp was renewed (logout, unlock): a cookie copied before opens nothing afterwards.
/// Between a right password and a right second-factor code the session is only <em>pending</em> (ten minutes, with the
/// return address): <see cref="CurrentAsync"/> ignores it, <see cref="PendingAsync"/> opens the code pages with it.
/// </summary>
public sealed class StaffCookieSession<TAccount>(string scheme, string cookieName, string path, Func<HttpContext, Guid, Task<TAccount?>> find)
    where TAccount : class, IStaffAccount
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(10);
    private const string StampClaim = "sozial:stamp";
    private const string PendingUntilClaim = "sozial:second-factor-until";
    private const string ReturnClaim = "sozial:return";

    public string Scheme => scheme;
    public string CookieName => cookieName;

    /// <summary>Registers the cookie handler of this session (one call in the area's <c>Add…()</c>).</summary>
    public AuthenticationBuilder AddCookie(AuthenticationBuilder authentication) => authentication.AddCookie(scheme, cookie =>
    {
        cookie.Cookie.Name = cookieName;
        cookie.Cookie.Path = path;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = IdleTimeout;
        cookie.SlidingExpiration = true;
    });

    public Task SignInAsync(HttpContext http, TAccount account) => http.SignInAsync(scheme, Principal(account));

    /// <summary>The password was right; the second factor is still to come (<see cref="PendingAsync"/>).</summary>
    public Task SignInPendingAsync(HttpContext http, TAccount account, string? returnUrl = null) =>
        http.SignInAsync(scheme, Principal(account,
            new Claim(PendingUntilClaim, (DateTime.UtcNow + PendingFor).Ticks.ToString(CultureInfo.InvariantCulture)), new Claim(ReturnClaim, returnUrl ?? "")));

    /// <summary>Removes the cookie; renewing the stamp (ending every session of the account) is the account store's.</summary>
    public Task SignOutAsync(HttpContext http) => http.SignOutAsync(scheme);

    /// <summary>The signed-in account, or null (no cookie, an expired or forged one, a deleted account, a session ended by a new stamp, or one still waiting for its second factor).</summary>
    public async Task<TAccount?> CurrentAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        return principal?.FindFirst(PendingUntilClaim) is null ? account : null;
    }

    /// <summary>The account whose password was right and whose second factor is still to come (within <see cref="PendingFor"/>), with the return address.</summary>
    public async Task<(TAccount Account, string ReturnUrl)?> PendingAsync(HttpContext http)
    {
        var (account, principal) = await ReadAsync(http);
        if (account is null || !long.TryParse(principal!.FindFirstValue(PendingUntilClaim), CultureInfo.InvariantCulture, out var until) || until < DateTime.UtcNow.Ticks) return null;
        return (account, principal.FindFirstValue(ReturnClaim) ?? "");
    }

    private ClaimsPrincipal Principal(TAccount account, params Claim[] more) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()), new Claim(ClaimTypes.Name, account.Login), new Claim(StampClaim, account.SecurityStamp), .. more], scheme));

    private async Task<(TAccount? Account, ClaimsPrincipal? Principal)> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(scheme);
        if (!result.Succeeded || !Guid.TryParse(result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return (null, null);
        var account = await find(http, id);
        return account is not null && result.Principal!.FindFirstValue(StampClaim) == account.SecurityStamp ? (account, result.Principal) : (null, null);
    }
}
