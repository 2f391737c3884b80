using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.StaffSessions;

namespace Sozialplattform.Counselling.Web.Seeker;

/// <summary>
/// The seeker's own cookie (<c>sp-counselling</c>, HttpOnly, SameSite=Lax so the link in a notice opens the conversation,
/// two hours sliding): the seeker's id and security stamp; every request loads the seeker again, so a logout or a
/// password reset (new stamp) ends every older session. Posts are protected by the antiforgery token, not by SameSite.
/// </summary>
public static class SeekerSession
{
    public const string Scheme = "CounsellingSeeker";
    public const string CookieName = "sp-counselling";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);
    private const string StampClaim = "sozial:stamp";

    public static Task SignInAsync(HttpContext http, SeekerRow seeker) => http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, seeker.Id.ToString()), new Claim(StampClaim, seeker.SecurityStamp)], Scheme)));

    /// <summary>The signed-in seeker, or null (no cookie, a forged or expired one, an ended session).</summary>
    public static async Task<SeekerRow?> CurrentAsync(HttpContext http)
    {
        var principal = await CarriedSessions.ReadAsync(http, Scheme);
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return null;
        var seeker = await http.RequestServices.GetRequiredService<SeekerAccounts>().FindAsync(id, http.RequestAborted);
        return seeker is not null && principal!.FindFirstValue(StampClaim) == seeker.SecurityStamp ? seeker : null;
    }

    /// <summary>Ends every session of the seeker and removes the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, SeekerRow? seeker)
    {
        if (seeker is not null) await http.RequestServices.GetRequiredService<SeekerAccounts>().RenewStampAsync(seeker.Id, http.RequestAborted);
        await http.SignOutAsync(Scheme);
    }
}
