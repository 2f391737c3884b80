using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components.Pages;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// The second step of an author's login (<see cref="DesignerOptions.RequireSecondFactor"/>): the code of an enrolled
/// author, or the enrolment of one without (QR code, first code, then the recovery codes once) — through the platform's
/// shared <see cref="SecondFactors"/> (throttled, accepted once, audited as <c>designer.totp.…</c>). Only a pending
/// session (right password, within ten minutes) is heard.
/// </summary>
public static class DesignerSecondFactorEndpoints
{
    public const string CodePath = "/designer/login/code";
    public const string EnrolmentPath = "/designer/login/einrichten";
    public const string Issuer = "Sozialplattform Designer";

    public static void MapDesignerSecondFactor(this RouteGroupBuilder designer)
    {
        designer.MapPost("/session/code", (Delegate)CodeAsync).AllowAnonymous();
        designer.MapPost("/session/einrichten", (Delegate)EnrolAsync).AllowAnonymous();
    }

    private static async Task<IResult> CodeAsync(HttpContext context, [FromForm] string code, [FromForm] string? returnUrl, AuthorAccounts authors, SecondFactors factors)
    {
        if (await DesignerSessions.PendingLoginAsync(context) is not { } login || authors.Find(login) is not { } account) return Results.Redirect(DesignerAuthentication.LoginPath);
        var outcome = await factors.VerifyAsync(LoginArea.Designer, login, code, ClientAddress.Of(context.Connection.RemoteIpAddress), context.RequestAborted);
        return await FinishAsync(context, account, outcome, CodePath, returnUrl);
    }

    private static async Task<IResult> EnrolAsync(HttpContext context, [FromForm] string code, [FromForm] string? returnUrl, AuthorAccounts authors, SecondFactors factors)
    {
        if (await DesignerSessions.PendingLoginAsync(context) is not { } login || authors.Find(login) is not { } account) return Results.Redirect(DesignerAuthentication.LoginPath);
        var outcome = await factors.ConfirmEnrolmentAsync(LoginArea.Designer, login, code, ClientAddress.Of(context.Connection.RemoteIpAddress), context.RequestAborted);
        if (outcome.RecoveryCodes is not { } codes) return await FinishAsync(context, account, outcome, EnrolmentPath, returnUrl);
        await context.SignInAsync(DesignerAuthentication.Scheme, DesignerSessions.Principal(account));
        return new RazorComponentResult<RecoveryCodesDocument>(new Dictionary<string, object?>
        {
            [nameof(RecoveryCodesDocument.Codes)] = codes, [nameof(RecoveryCodesDocument.Next)] = DesignerEndpoints.SafeReturn(returnUrl),
        });
    }

    private static async Task<IResult> FinishAsync(HttpContext context, AuthorAccount account, SecondFactorOutcome outcome, string page, string? returnUrl)
    {
        var back = Uri.EscapeDataString(DesignerEndpoints.SafeReturn(returnUrl));
        switch (outcome.Result)
        {
            case LoginResult.SignedIn:
                await context.SignInAsync(DesignerAuthentication.Scheme, DesignerSessions.Principal(account));
                return Results.LocalRedirect(DesignerEndpoints.SafeReturn(returnUrl));
            case LoginResult.Throttled:
                var minutes = Math.Max(1, (int)Math.Ceiling((outcome.WaitUntil!.Value - DateTime.UtcNow).TotalMinutes));
                return Results.Redirect($"{page}?wait={minutes}&ReturnUrl={back}");
            default:
                return Results.Redirect($"{page}?failed=1&ReturnUrl={back}");
        }
    }
}
