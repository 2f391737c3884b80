using Microsoft.AspNetCore.Antiforgery;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>What every self-service page needs: the language, its texts, the request's antiforgery token and the signed-in account (if any).</summary>
public sealed record StaffView(string Lang, CentreTexts Texts, AntiforgeryTokenSet Token, CentreAccountRow? Account)
{
    public string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    public bool RightToLeft => Lang == "ar";

    /// <summary>A record problem as a sentence in the page's language, named by its field ("Telefon: …").</summary>
    public string Error(CentreError error)
    {
        var segments = error.Path.Split('.', '[');
        var field = segments[0] == "address" && segments.Length > 1 ? segments[1] : segments[0];
        var message = T("staff.error." + error.Code, [.. error.Args]);
        return field.Length == 0 ? message : $"{T("staff.field." + field)}: {message}";
    }
}
