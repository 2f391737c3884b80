using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Web.Components.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Storage.Entities;
using static Sozialplattform.Appointments.Web.BackOffice.BackOfficeEndpoints;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The authorities' mount under the inbox (<c>/posteingang/termine/{lang}</c>): the inbox's session (no session → the
/// inbox's login, returning here; an operator, bound to no authority → 403), and the list of the caseworker's
/// authority's calendars, where a lead (<see cref="CaseworkerRole.Lead"/>) makes a new one.
/// </summary>
internal static class InboxCalendarEndpoints
{
    public static RouteGroupBuilder InboxArea(this RouteGroupBuilder group, InboxSession inbox) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            if (http.GetRouteValue("lang") is not string lang || !AppointmentTexts.IsLanguage(lang)) return Results.NotFound();
            if (await inbox.CurrentAsync(http) is not { } caseworker)
                return Results.Redirect(inbox.LoginReturning(HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : BackOfficeRoutes.AuthorityCalendars(lang)));
            http.Items[KeeperKey] = new Keeper.Caseworker(caseworker);
            return caseworker.Role == CaseworkerRole.Operator
                ? Refusal(http, OwnerKind.Authority, lang, "forbidden", StatusCodes.Status403Forbidden)
                : await next(context);
        });

    public static void MapAuthorityCalendars(this RouteGroupBuilder authorities)
    {
        authorities.MapGet("", async (HttpContext http, string lang, CalendarDirectory directory) =>
            await ListAsync(http, lang, directory, "", null, [], http.Request.Query["neu"] == "1" ? "office.inbox.created" : null, StatusCodes.Status200OK));

        authorities.MapPost("", async (HttpContext http, string lang, CalendarDirectory directory) =>
        {
            var caseworker = Caseworker(http);
            if (caseworker.Role != CaseworkerRole.Lead) return Refusal(http, OwnerKind.Authority, lang, "forbidden", StatusCodes.Status403Forbidden);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (name, state) = (form["neutralName"].ToString(), form["state"].ToString() is { Length: > 0 } s ? s : null);
            var (id, errors) = await directory.CreateAuthorityCalendarAsync(caseworker.TenantId, caseworker.AuthorityId, name, state, http.RequestAborted);
            return id is { } created
                ? Results.Redirect(BackOfficeRoutes.Setup(lang, new KeptCalendar(created, OwnerKind.Authority, caseworker.TenantId, name)))
                : await ListAsync(http, lang, directory, name, state, errors, null, StatusCodes.Status422UnprocessableEntity);
        }).OfficePost();
    }

    private static CaseworkerAccount Caseworker(HttpContext http) => ((Keeper.Caseworker)http.Items[KeeperKey]!).Account;

    private static async Task<IResult> ListAsync(HttpContext http, string lang, CalendarDirectory directory, string name, string? state,
        IReadOnlyList<AppointmentError> errors, string? notice, int status)
    {
        var caseworker = Caseworker(http);
        return new RazorComponentResult<AuthorityCalendarsPage>(new Dictionary<string, object?>
        {
            ["View"] = http.View(lang),
            ["AuthorityId"] = caseworker.AuthorityId,
            ["AuthorityName"] = await directory.AuthorityNameAsync(caseworker.TenantId, caseworker.AuthorityId, http.RequestAborted) ?? caseworker.AuthorityId,
            ["Calendars"] = await directory.AuthorityCalendarsAsync(caseworker.TenantId, caseworker.AuthorityId, http.RequestAborted),
            ["MayCreate"] = caseworker.Role == CaseworkerRole.Lead,
            ["NeutralName"] = name,
            ["State"] = state,
            ["Errors"] = errors,
            ["Notice"] = notice,
        }) { StatusCode = status };
    }
}
