using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Web.Components.Staff;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// Login of centre staff and the editorial team: the password through the platform's <see cref="LoginProtection"/>
/// (area <see cref="LoginArea.Centres"/>: the same counters, waits and audit entries as the inbox and the designer), then
/// always the shared TOTP second factor (<see cref="SecondFactors"/>): the code, or the enrolment with QR code and the
/// recovery codes once. Logout ends every session of the account.
/// </summary>
public static class StaffLoginEndpoints
{
    public const string Issuer = "Sozialplattform Beratungsstellen";

    public static void MapStaffLogin(this RouteGroupBuilder area)
    {
        area.MapGet("/anmelden", async (HttpContext http, string lang) =>
            await StaffSession.CurrentAsync(http) is not null ? Results.Redirect(StaffRoutes.Home(lang)) : http.Page<StaffLoginPage>(lang));

        area.MapPost("/anmelden", async (HttpContext http, string lang, CentreAccounts accounts, LoginProtection logins, SecondFactors factors, CentresOptions options) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var login = form["login"].ToString().Trim();
            var password = form["password"].ToString();
            if (login.Length == 0 || password.Length == 0) return http.Page<StaffLoginPage>(lang, new { Problem = "staff.login.missing", Login = login }, StatusCodes.Status400BadRequest);
            var outcome = await logins.SignInAsync(LoginArea.Centres, login, ClientAddress.Of(http.Connection.RemoteIpAddress), async token =>
            {
                var account = await accounts.CheckAsync(options.Tenant, login, password, token);
                return new LoginCheck<CentreAccountRow>(account, account is not null);
            }, http.RequestAborted);
            switch (outcome.Result)
            {
                case LoginResult.SignedIn:
                    await StaffSession.SignInPendingAsync(http, outcome.Account!);
                    var active = await factors.StateAsync(LoginArea.Centres, login, http.RequestAborted) == SecondFactorState.Active;
                    return Results.Redirect(active ? StaffRoutes.Code(lang) : StaffRoutes.Enrolment(lang));
                case LoginResult.Throttled:
                    return http.Page<StaffLoginPage>(lang, new { Problem = "staff.login.wait", Login = login }, StatusCodes.Status429TooManyRequests);
                default:
                    return http.Page<StaffLoginPage>(lang, new { Problem = "staff.login.failed", Login = login }, StatusCodes.Status401Unauthorized);
            }
        }).StaffPost();

        area.MapGet("/anmelden/code", async (HttpContext http, string lang) =>
            await StaffSession.PendingAsync(http) is not null ? http.Page<StaffSecondFactorPage>(lang) : Results.Redirect(StaffRoutes.Login(lang)));

        area.MapPost("/anmelden/code", async (HttpContext http, string lang, SecondFactors factors) =>
        {
            if (await StaffSession.PendingAsync(http) is not { } account) return Results.Redirect(StaffRoutes.Login(lang));
            var code = (await http.Request.ReadFormAsync(http.RequestAborted))["code"].ToString();
            var outcome = await factors.VerifyAsync(LoginArea.Centres, account.Login, code, ClientAddress.Of(http.Connection.RemoteIpAddress), http.RequestAborted);
            return await FinishAsync(http, lang, account, outcome, null);
        }).StaffPost();

        area.MapGet("/anmelden/einrichten", async (HttpContext http, string lang, SecondFactors factors) =>
            await StaffSession.PendingAsync(http) is { } account ? await EnrolmentPageAsync(http, lang, factors, account, null, StatusCodes.Status200OK) : Results.Redirect(StaffRoutes.Login(lang)));

        area.MapPost("/anmelden/einrichten", async (HttpContext http, string lang, SecondFactors factors) =>
        {
            if (await StaffSession.PendingAsync(http) is not { } account) return Results.Redirect(StaffRoutes.Login(lang));
            var code = (await http.Request.ReadFormAsync(http.RequestAborted))["code"].ToString();
            var outcome = await factors.ConfirmEnrolmentAsync(LoginArea.Centres, account.Login, code, ClientAddress.Of(http.Connection.RemoteIpAddress), http.RequestAborted);
            if (outcome.RecoveryCodes is { } codes)
            {
                await StaffSession.SignInAsync(http, account);
                return http.Page<StaffSecondFactorPage>(lang, new { RecoveryCodes = codes }, account: account);
            }

            return await FinishAsync(http, lang, account, outcome, factors);
        }).StaffPost();

        area.MapPost("/abmelden", async (HttpContext http, string lang, LoginProtection logins) =>
        {
            if (await StaffSession.CurrentAsync(http) is { } account)
            {
                await StaffSession.SignOutAsync(http, account);
                await logins.SignedOutAsync(LoginArea.Centres, account.Login, http.RequestAborted);
            }
            else await StaffSession.SignOutAsync(http, null);

            return Results.Redirect(StaffRoutes.Login(lang));
        }).StaffPost();
    }

    /// <param name="factors">Given when the code was an enrolment's first (a refusal shows the enrolment page again).</param>
    private static async Task<IResult> FinishAsync(HttpContext http, string lang, CentreAccountRow account, SecondFactorOutcome outcome, SecondFactors? factors)
    {
        if (outcome.Result == LoginResult.SignedIn)
        {
            await StaffSession.SignInAsync(http, account);
            return Results.Redirect(StaffRoutes.Home(lang));
        }

        var (problem, status) = outcome.Result == LoginResult.Throttled ? ("staff.login.wait", StatusCodes.Status429TooManyRequests) : ("staff.code.failed", StatusCodes.Status401Unauthorized);
        return factors is null ? http.Page<StaffSecondFactorPage>(lang, new { Problem = problem }, status) : await EnrolmentPageAsync(http, lang, factors, account, problem, status);
    }

    private static async Task<IResult> EnrolmentPageAsync(HttpContext http, string lang, SecondFactors factors, CentreAccountRow account, string? problem, int status) =>
        await factors.EnrolmentAsync(LoginArea.Centres, account.Login, Issuer, http.RequestAborted) is { } enrolment
            ? http.Page<StaffSecondFactorPage>(lang, new { Enrolment = enrolment, Problem = problem }, status)
            : Results.Redirect(StaffRoutes.Code(lang));
}
