using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.Drafts;

/// <summary>
/// The secret of a draft travels in an HttpOnly cookie of the browser session (one per draft), never in the
/// wizard's URLs; the resume link carries it once and puts it back into the cookie.
/// </summary>
public static class DraftCookies
{
    public static string Name(Guid draftId) => $"sp-draft-{draftId:N}";

    public static string? Secret(HttpContext context, Guid draftId) => context.Request.Cookies[Name(draftId)];

    public static void Remember(HttpContext context, Guid draftId, string secret) =>
        context.Response.Cookies.Append(Name(draftId), secret, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });

    public static void Forget(HttpContext context, Guid draftId) => context.Response.Cookies.Delete(Name(draftId), new CookieOptions { Path = "/" });
}
