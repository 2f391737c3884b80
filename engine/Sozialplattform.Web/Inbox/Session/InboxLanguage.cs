using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>The caseworker's language: the one chosen with the language switch (a cookie), else the browser's first of German and English, else German.</summary>
public static class InboxLanguage
{
    public const string Cookie = "sp-inbox-lang";

    public static string Of(HttpContext http)
    {
        if (http.Request.Cookies[Cookie] is { } chosen && InboxTexts.Languages.Contains(chosen)) return chosen;
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant()).FirstOrDefault(l => l is "de" or "en");
        return preferred ?? "de";
    }

    public static void Choose(HttpContext http, string lang) =>
        http.Response.Cookies.Append(Cookie, lang, new CookieOptions
        {
            Path = InboxRoutes.Root, HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
        });
}
