using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Components.Desk;
using Sozialplattform.Counselling.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Desk;

/// <summary>
/// The counsellors' desk, behind the centres' self-service login (its cookie, password and second factor — no login of
/// its own): a centre's pool of new enquiries, taking one, the thread with reply and close. Only staff who keep the
/// centre (<see cref="CentreSelfService.OpenAsync"/>, else 404) and have a role in its counselling (a
/// <see cref="CounsellingTeam"/> row, or the carrier's admin as lead; else 403) reach it; which conversation they read is
/// decided by <see cref="CounsellorDesk"/>. Every post needs the antiforgery token (else 400, nothing changes); every
/// refusal is audited.
/// </summary>
public static class DeskEndpoints
{
    private const string CentreKey = "sozial.counselling.centre";
    private const string CounsellorKey = "sozial.counselling.counsellor";

    public static void MapCounsellorDesk(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup(StaffRoutes.Root + "/{lang}/online-beratung/{centre:guid}").StaffArea().RequireRole(CentreRole.Staff).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var lang = (string)http.GetRouteValue("lang")!;
            var account = http.Account();
            var store = http.RequestServices.GetRequiredService<ConversationStore>();
            var centreId = Guid.TryParse(http.GetRouteValue("centre") as string, out var id) ? id : Guid.Empty;
            if (await http.RequestServices.GetRequiredService<CentreSelfService>().OpenAsync(account, centreId, http.RequestAborted) is not { } centre)
            {
                await store.AuditDeskRefusedAsync(account.Login, centreId, "centre not kept by the account", http.RequestAborted);
                return http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, account);
            }

            var roles = await http.RequestServices.GetRequiredService<CounsellingTeam>().RolesAsync(account.Id, http.RequestAborted);
            TeamRole? role = account.CarrierKey is not null ? TeamRole.Lead : roles.TryGetValue(centre.Id, out var found) ? found : null;
            if (role is not { } granted)
            {
                await store.AuditDeskRefusedAsync(account.Login, centreId, "no role in the centre's counselling", http.RequestAborted);
                return http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, account);
            }

            http.Items[CentreKey] = centre;
            http.Items[CounsellorKey] = new Counsellor(account.Id, account.Login, new Dictionary<Guid, TeamRole> { [centre.Id] = granted });
            return await next(context);
        });

        desk.MapGet("", async (HttpContext http, string lang, CounsellorDesk conversations) =>
            await PageAsync<DeskPage>(http, lang, new { Desk = await conversations.DeskAsync(Counsellor(http), Centre(http).Id, http.RequestAborted) }));

        desk.MapGet("/gespraech/{id:guid}", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations) =>
            await conversations.OpenAsync(Counsellor(http), id, http.RequestAborted) is { } view
                ? await PageAsync<DeskConversationPage>(http, lang, new { Conversation = view })
                : NotFound(http, lang));

        desk.MapPost("/gespraech/{id:guid}/uebernehmen", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations) =>
            (await conversations.TakeAsync(Counsellor(http), id, http.RequestAborted)).Result switch
            {
                StepResult.Done => Results.Redirect(CounsellingRoutes.DeskConversation(lang, Centre(http).Id, id)),
                StepResult.WrongState => await PageAsync<DeskPage>(http, lang, new { Desk = await conversations.DeskAsync(Counsellor(http), Centre(http).Id, http.RequestAborted), Problem = "desk.taken" },
                    StatusCodes.Status409Conflict),
                _ => NotFound(http, lang),
            }).StaffPost();

        desk.MapPost("/gespraech/{id:guid}/antworten", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations, PerAccount limit, CounsellingNotices notices, CounsellingOptions options) =>
        {
            var counsellor = Counsellor(http);
            var text = (await http.Request.ReadFormAsync(http.RequestAborted))["message"].ToString();
            if (!limit.TryTake(counsellor.AccountId))
            {
                await CounsellingLimits.RefuseAsync(http, limit.Window, http.RequestAborted);
                return Results.Empty;
            }

            var outcome = await conversations.ReplyAsync(counsellor, id, text, http.RequestAborted);
            if (outcome.Result == StepResult.NotFound) return NotFound(http, lang);
            var view = await conversations.OpenAsync(counsellor, id, http.RequestAborted);
            if (outcome.Result != StepResult.Done)
                return await PageAsync<DeskConversationPage>(http, lang, new { Conversation = view, Message = text, Error = outcome.Error ?? new CounsellingError("message", "conversationClosed") },
                    outcome.Result == StepResult.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict);
            await notices.ToSeekerAsync(view!, CounsellingServices.BaseUrl(options, http), http.RequestAborted);
            return Results.Redirect(CounsellingRoutes.DeskConversation(lang, Centre(http).Id, id));
        }).StaffPost().RequireRateLimiting(CounsellingLimits.Message);

        desk.MapPost("/gespraech/{id:guid}/abschliessen", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations) =>
            (await conversations.CloseAsync(Counsellor(http), id, http.RequestAborted)).Result switch
            {
                StepResult.NotFound => NotFound(http, lang),
                _ => Results.Redirect(CounsellingRoutes.Desk(lang, Centre(http).Id)),
            }).StaffPost();
    }

    private static CentreRow Centre(HttpContext http) => (CentreRow)http.Items[CentreKey]!;

    private static Counsellor Counsellor(HttpContext http) => (Counsellor)http.Items[CounsellorKey]!;

    private static IResult NotFound(HttpContext http, string lang) => http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account());

    private static Task<IResult> PageAsync<TPage>(HttpContext http, string lang, object values, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        var parameters = new Dictionary<string, object?> { ["View"] = http.View(lang, http.Account()), ["Centre"] = Centre(http), ["Counsellor"] = Counsellor(http) };
        foreach (var property in values.GetType().GetProperties()) parameters[property.Name] = property.GetValue(values);
        return Task.FromResult<IResult>(new RazorComponentResult<TPage>(parameters) { StatusCode = status });
    }
}
