using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Inbox.Components;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The second step of a login where the tenant requires a second factor (<see cref="StaffSecondFactorPolicy"/>): the
/// TOTP code (or a recovery code) of an enrolled account, or the enrolment of one without (QR code, first code, then
/// the recovery codes once). Only a pending session (right password, within ten minutes) reaches these pages; codes
/// are throttled, accepted once and audited by the shared <see cref="SecondFactors"/>.
/// </summary>
public static class InboxSecondFactorEndpoints
{
    public const string Issuer = "Sozialplattform Posteingang";

    public static void MapInboxSecondFactor(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/anmelden/code", async (HttpContext http) =>
            await InboxAuthentication.PendingAsync(http) is null ? Results.Redirect(InboxRoutes.Login) : CodePage(null));

        inbox.MapPost("/anmelden/code", async (HttpContext http, SecondFactors factors) =>
        {
            if (await InboxAuthentication.PendingAsync(http) is not ({ } account, var returnUrl)) return Results.Redirect(InboxRoutes.Login);
            var code = (await http.Request.ReadFormAsync(http.RequestAborted))["code"].ToString();
            if (code.Trim().Length == 0) return CodePage("secondFactor.missing", status: StatusCodes.Status400BadRequest);
            var outcome = await factors.VerifyAsync(LoginArea.Inbox, account.Login, code, ClientAddress.Of(http.Connection.RemoteIpAddress), http.RequestAborted);
            return await FinishAsync(http, account, returnUrl, outcome, (problem, wait, status) => Task.FromResult(CodePage(problem, wait, status)));
        }).InboxPost();

        inbox.MapGet("/anmelden/einrichten", async (HttpContext http, SecondFactors factors) =>
        {
            if (await InboxAuthentication.PendingAsync(http) is not ({ } account, _)) return Results.Redirect(InboxRoutes.Login);
            return await EnrolmentPageAsync(factors, account, null, http.RequestAborted);
        });

        inbox.MapPost("/anmelden/einrichten", async (HttpContext http, SecondFactors factors) =>
        {
            if (await InboxAuthentication.PendingAsync(http) is not ({ } account, var returnUrl)) return Results.Redirect(InboxRoutes.Login);
            var code = (await http.Request.ReadFormAsync(http.RequestAborted))["code"].ToString();
            if (code.Trim().Length == 0) return await EnrolmentPageAsync(factors, account, "secondFactor.missing", http.RequestAborted, status: StatusCodes.Status400BadRequest);
            var outcome = await factors.ConfirmEnrolmentAsync(LoginArea.Inbox, account.Login, code, ClientAddress.Of(http.Connection.RemoteIpAddress), http.RequestAborted);
            if (outcome.RecoveryCodes is { } recoveryCodes)
            {
                await InboxAuthentication.SignInAsync(http, account);
                return new RazorComponentResult<RecoveryCodesPage>(new Dictionary<string, object?>
                {
                    [nameof(RecoveryCodesPage.Codes)] = recoveryCodes, [nameof(RecoveryCodesPage.Next)] = InboxRoutes.Landing(returnUrl, account.Role),
                });
            }

            return await FinishAsync(http, account, returnUrl, outcome, (problem, wait, status) => EnrolmentPageAsync(factors, account, problem, http.RequestAborted, wait, status));
        }).InboxPost();
    }

    private static async Task<IResult> FinishAsync(HttpContext http, CaseworkerAccount account, string returnUrl, SecondFactorOutcome outcome,
        Func<string?, DateTime?, int, Task<IResult>> page)
    {
        switch (outcome.Result)
        {
            case LoginResult.SignedIn:
                await InboxAuthentication.SignInAsync(http, account);
                return Results.Redirect(InboxRoutes.Landing(returnUrl, account.Role));
            case LoginResult.Throttled:
                InboxLoginEndpoints.SetRetryAfter(http, outcome.WaitUntil!.Value);
                return await page("login.wait", outcome.WaitUntil, StatusCodes.Status429TooManyRequests);
            default:
                return await page("secondFactor.failed", null, StatusCodes.Status401Unauthorized);
        }
    }

    private static IResult CodePage(string? problem, DateTime? waitUntil = null, int status = StatusCodes.Status200OK) =>
        new RazorComponentResult<SecondFactorPage>(new Dictionary<string, object?> { [nameof(SecondFactorPage.Problem)] = problem, [nameof(SecondFactorPage.WaitUntil)] = waitUntil })
        { StatusCode = status };

    private static async Task<IResult> EnrolmentPageAsync(SecondFactors factors, CaseworkerAccount account, string? problem, CancellationToken cancellationToken,
        DateTime? waitUntil = null, int status = StatusCodes.Status200OK)
    {
        // Enrolled in the meantime (another tab): the code page is the way in.
        if (await factors.EnrolmentAsync(LoginArea.Inbox, account.Login, Issuer, cancellationToken) is not { } enrolment) return Results.Redirect(InboxRoutes.SecondFactor);
        return new RazorComponentResult<SecondFactorEnrolmentPage>(new Dictionary<string, object?>
        {
            [nameof(SecondFactorEnrolmentPage.Enrolment)] = enrolment, [nameof(SecondFactorEnrolmentPage.Problem)] = problem, [nameof(SecondFactorEnrolmentPage.WaitUntil)] = waitUntil,
        })
        { StatusCode = status };
    }
}
