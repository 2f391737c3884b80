using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// Login (throttled by the platform's <c>LoginProtection</c> per login and client address, per address and per login;
/// the same answers for unknown logins as for real ones; it leads to the account's start page — operators to the
/// operations page — or to the return address if the role may open it), logout and the language switch of the inbox.
/// </summary>
public static class InboxLoginEndpoints
{
    /// <summary>The wait of a throttled attempt as the <c>Retry-After</c> header.</summary>
    public static void SetRetryAfter(HttpContext http, DateTime waitUntil) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((waitUntil - DateTime.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why a single sign-on opened nothing (<c>?sso=…</c>, from <see cref="StaffSignIn.StaffLogin"/>) → the login page's text.</summary>
    private static readonly IReadOnlyDictionary<string, string> SingleSignOnProblems = new Dictionary<string, string>
    {
        [StaffSignIn.StaffLogin.Failed] = "login.sso-failed", [StaffSignIn.StaffRoleMapping.NoRole] = "login.sso-no-role",
        [StaffSignIn.StaffRoleMapping.Ambiguous] = "login.sso-ambiguous", [StaffSignIn.StaffRoleMapping.NoSecondFactor] = "login.sso-no-mfa",
        [StaffSignIn.StaffLogin.UnusableSubject] = "login.sso-subject",
    };

    public static void MapInboxLogin(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/anmelden", async (HttpContext http, string? ziel, string? sso) =>
            await InboxAuthentication.CurrentAsync(http) is { } account
                ? Results.Redirect(InboxRoutes.Landing(ziel, account.Role))
                : InboxPages.Login(sso is null ? null : SingleSignOnProblems.GetValueOrDefault(sso), ziel));

        inbox.MapPost("/anmelden", async (HttpContext http, CaseworkerAccounts accounts, StaffSecondFactorPolicy secondFactor, SecondFactors factors) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var login = form["login"].ToString().Trim();
            var password = form["password"].ToString();
            var returnUrl = form["ziel"].ToString();
            if (login.Length == 0 || password.Length == 0) return InboxPages.Login("login.missing", returnUrl, login, status: StatusCodes.Status400BadRequest);
            var outcome = await accounts.SignInAsync(login, password, ClientAddress.Of(http.Connection.RemoteIpAddress), http.RequestAborted);
            switch (outcome.Result)
            {
                case LoginResult.SignedIn when secondFactor.Required(outcome.Account!.TenantId):
                    await InboxAuthentication.SignInPendingAsync(http, outcome.Account, returnUrl);
                    var active = await factors.StateAsync(LoginArea.Inbox, login, http.RequestAborted) == SecondFactorState.Active;
                    return Results.Redirect(active ? InboxRoutes.SecondFactor : InboxRoutes.SecondFactorEnrolment);
                case LoginResult.SignedIn:
                    await InboxAuthentication.SignInAsync(http, outcome.Account);
                    return Results.Redirect(InboxRoutes.Landing(returnUrl, outcome.Account.Role));
                case LoginResult.Throttled:
                    SetRetryAfter(http, outcome.WaitUntil!.Value);
                    return InboxPages.Login("login.wait", returnUrl, login, outcome.WaitUntil, StatusCodes.Status429TooManyRequests);
                default:
                    return InboxPages.Login("login.failed", returnUrl, login, status: StatusCodes.Status401Unauthorized);
            }
        }).InboxPost();

        inbox.MapInboxSecondFactor();

        inbox.MapPost("/abmelden", async (HttpContext http, CaseworkerAccounts accounts) =>
        {
            if (await InboxAuthentication.CurrentAsync(http) is { } caseworker) await accounts.SignOutAsync(caseworker, http.RequestAborted);
            await InboxAuthentication.SignOutAsync(http);
            return Results.Redirect(InboxRoutes.Login);
        }).InboxPost();

        inbox.MapGet("/sprache/{lang}", (HttpContext http, string lang, string? ziel) =>
        {
            if (InboxTexts.Languages.Contains(lang)) InboxLanguage.Choose(http, lang);
            return Results.Redirect(InboxRoutes.SafeReturn(ziel));
        });
    }
}
