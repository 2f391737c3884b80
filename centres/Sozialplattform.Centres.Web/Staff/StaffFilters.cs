using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Web.Components.Staff;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// What every self-service route shares: an unknown language is 404, nothing is cached; behind the login the
/// signed-in account (else the login page) in the role the page is for (else 403); a post needs a valid antiforgery
/// token (else 400 before anything is read or stored).
/// </summary>
public static class StaffFilters
{
    private const string AccountKey = "sozial.centres.account";

    public static CentreAccountRow Account(this HttpContext http) =>
        http.Items[AccountKey] as CentreAccountRow ?? throw new InvalidOperationException("The route has no RequireStaff filter.");

    public static StaffView View(this HttpContext http, string lang, CentreAccountRow? account = null) =>
        new(lang, http.RequestServices.GetRequiredService<CentreTexts>(), http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http), account);

    /// <summary>A page of the self-service with the given status.</summary>
    public static IResult Page<TPage>(this HttpContext http, string lang, object? values = null, int status = StatusCodes.Status200OK, CentreAccountRow? account = null)
        where TPage : IComponent
    {
        var parameters = new Dictionary<string, object?> { ["View"] = http.View(lang, account) };
        foreach (var property in values?.GetType().GetProperties() ?? []) parameters[property.Name] = property.GetValue(values);
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    public static IResult Message(this HttpContext http, string lang, string key, int status, CentreAccountRow? account = null) =>
        http.Page<StaffMessagePage>(lang, new { Key = key }, status, account);

    public static RouteGroupBuilder StaffArea(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            return CentreTexts.IsLanguage(http.GetRouteValue("lang") as string) ? await next(context) : Results.NotFound();
        });

    /// <summary>
    /// Pages for a signed-in account (of the role, when given); another role gets 403, no session the login page. With
    /// <paramref name="auditRefusalAs"/> a refusal is written to the platform's audit log (<c>centres.&lt;action&gt;</c>, the account, method and path).
    /// </summary>
    public static RouteGroupBuilder RequireRole(this RouteGroupBuilder group, CentreRole? role = null, string? auditRefusalAs = null) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var lang = (string)http.GetRouteValue("lang")!;
            if (await StaffSession.CurrentAsync(http) is not { } account) return Results.Redirect(StaffRoutes.Login(lang));
            http.Items[AccountKey] = account;
            if (role is null || account.Role == role) return await next(context);
            if (auditRefusalAs is not null)
                await http.RequestServices.GetRequiredService<CentreAccounts>().AuditAsync(auditRefusalAs, account.Actor(), $"{http.Request.Method} {http.Request.Path}", http.RequestAborted);
            return http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, account);
        });

    public static RouteHandlerBuilder StaffPost(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                return http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !http.Request.HasFormContentType
                    ? http.Message((string)http.GetRouteValue("lang")!, "staff.badForm", StatusCodes.Status400BadRequest)
                    : await next(context);
            });
}
