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

            if (await DeskAccess.RoleAsync(http, account, centre) is not { } counsellor)
            {
                await store.AuditDeskRefusedAsync(account.Login, centreId, "no role in the centre's counselling", http.RequestAborted);
                return http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, account);
            }

            http.Items[CentreKey] = centre;
            http.Items[CounsellorKey] = counsellor;
            return await next(context);
        });

        desk.MapGet("", async (HttpContext http, string lang, CounsellorDesk conversations, CounsellingAbsences absences, CounsellingOptions options) =>
            await PageAsync<DeskPage>(http, lang, new
            {
                Desk = await conversations.DeskAsync(Counsellor(http), Centre(http).Id, http.RequestAborted),
                ReplyDays = await absences.ReplyDaysAsync(Centre(http).Id, http.RequestAborted) ?? options.ReplyDays,
            }));

        // "?baustein=<id>": the reply box filled with the centre's text block (a plain GET form, no JavaScript)
        desk.MapGet("/gespraech/{id:guid}", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations, CounsellingTextBlocks blocks) =>
        {
            if (await conversations.OpenAsync(Counsellor(http), id, http.RequestAborted) is not { } view) return NotFound(http, lang);
            if (http.Request.Query["baustein"].ToString() is not { Length: > 0 } chosen) return await ConversationPageAsync(http, lang, view);
            return Guid.TryParse(chosen, out var blockId) && await blocks.FindAsync(Counsellor(http), Centre(http).Id, blockId, http.RequestAborted) is { } block
                ? await ConversationPageAsync(http, lang, view, message: block.Body)
                : await ConversationPageAsync(http, lang, view, new CounsellingError("baustein", "textBlockUnknown"));
        });

        desk.MapPost("/gespraech/{id:guid}/uebergeben", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations, CounsellingNotices notices, CounsellingOptions options) =>
        {
            var colleague = Guid.TryParse((await http.Request.ReadFormAsync(http.RequestAborted))["colleague"], out var to) ? to : (Guid?)null;
            var outcome = await conversations.HandOverAsync(Counsellor(http), id, colleague, http.RequestAborted);
            if (outcome.Result == StepResult.NotFound) return NotFound(http, lang);
            if (outcome.Result == StepResult.Done)
            {
                await notices.ToCentreAsync(Centre(http).Id, colleague, CounsellingServices.BaseUrl(options, http), http.RequestAborted);
                return Results.Redirect(CounsellingRoutes.Desk(lang, Centre(http).Id));
            }

            return await conversations.OpenAsync(Counsellor(http), id, http.RequestAborted) is { } view
                ? await ConversationPageAsync(http, lang, view, outcome.Error ?? new CounsellingError("colleague", "conversationClosed"),
                    outcome.Result == StepResult.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict)
                : NotFound(http, lang);
        }).StaffPost();

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

            var outcome = await conversations.ReplyAsync(counsellor, id, text, await MessageUploads.ReadAsync(http.Request, http.RequestAborted), http.RequestAborted);
            if (outcome.Result == StepResult.NotFound) return NotFound(http, lang);
            var view = await conversations.OpenAsync(counsellor, id, http.RequestAborted);
            if (outcome.Result != StepResult.Done)
                return await ConversationPageAsync(http, lang, view!, outcome.Error ?? new CounsellingError("message", "conversationClosed"),
                    outcome.Result == StepResult.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict, text);
            await notices.ToSeekerAsync(view!, CounsellingServices.BaseUrl(options, http), http.RequestAborted);
            return Results.Redirect(CounsellingRoutes.DeskConversation(lang, Centre(http).Id, id));
        }).StaffPost().RequireRateLimiting(CounsellingLimits.Message);

        desk.MapGet("/gespraech/{id:guid}/datei/{file:guid}", async (HttpContext http, string lang, Guid id, Guid file, CounsellorDesk conversations) =>
            await conversations.FileAsync(Counsellor(http), id, file, http.RequestAborted) is { } found ? Download(http, found) : NotFound(http, lang));

        desk.MapPost("/gespraech/{id:guid}/abschliessen", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations) =>
            (await conversations.CloseAsync(Counsellor(http), id, http.RequestAborted)).Result switch
            {
                StepResult.NotFound => NotFound(http, lang),
                _ => Results.Redirect(CounsellingRoutes.Desk(lang, Centre(http).Id)),
            }).StaffPost();

        desk.MapPost("/gespraech/{id:guid}/archivieren", async (HttpContext http, string lang, Guid id, CounsellorDesk conversations) =>
            (await conversations.ArchiveConversationAsync(Counsellor(http), id, http.RequestAborted)).Result switch
            {
                StepResult.NotFound => NotFound(http, lang),
                _ => Results.Redirect(CounsellingRoutes.Archive(lang, Centre(http).Id)),
            }).StaffPost();

        desk.MapGet("/archiv", async (HttpContext http, string lang, CounsellorDesk conversations, CounsellingOptions options) =>
            await conversations.ArchiveAsync(Counsellor(http), Centre(http).Id, http.RequestAborted) is { } items
                ? await PageAsync<ArchivePage>(http, lang, new { Items = items, EndedDays = options.RetentionEndedDays })
                : http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, http.Account()));

        desk.MapCounsellingTeam();
        desk.MapCounsellingAbsence();
        desk.MapTextBlocks();

        desk.MapGet("/protokoll", async (HttpContext http, string lang, CounsellingAccessLog log) =>
            await log.ReadAsync(Counsellor(http), Centre(http).Id, http.RequestAborted) is { } entries
                ? await PageAsync<AccessLogPage>(http, lang, new { Entries = entries })
                : http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, http.Account()));
    }

    /// <summary>
    /// A file of a conversation as a download: never shown inline (a PDF's scripts or a picture's tricks do not run in
    /// the platform's origin), not cached, its type as decided from the content at upload.
    /// </summary>
    internal static IResult Download(HttpContext http, AttachmentFile file)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.File(file.Content, file.MediaType, file.FileName);
    }

    internal static CentreRow Centre(HttpContext http) => (CentreRow)http.Items[CentreKey]!;

    internal static Counsellor Counsellor(HttpContext http) => (Counsellor)http.Items[CounsellorKey]!;

    internal static IResult NotFound(HttpContext http, string lang) => http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account());

    /// <summary>The centre's members with a role (their names in the centre's accounts), but <paramref name="except"/>: deputies, colleagues to hand over to.</summary>
    internal static async Task<IReadOnlyList<(Guid Id, string Name)>> ColleaguesAsync(HttpContext http, Guid? except)
    {
        var centre = Centre(http);
        var members = await http.RequestServices.GetRequiredService<CounsellingAbsences>().MembersAsync(centre.Id, http.RequestAborted);
        var keepers = await http.RequestServices.GetRequiredService<CentreAccounts>().KeepersAsync(centre, http.RequestAborted);
        return [.. keepers.Where(a => a.Id != except && members.ContainsKey(a.Id)).Select(a => (a.Id, Name: a.DisplayName))];
    }

    private static async Task<IResult> ConversationPageAsync(HttpContext http, string lang, ConversationView view, CounsellingError? error = null, int status = StatusCodes.Status200OK,
        string? message = null)
    {
        Components.Shared.VideoPanel.AllowCameraAndMicrophone(http);
        return await PageAsync<DeskConversationPage>(http, lang, new
        {
            Conversation = view, Message = message, Error = error, Colleagues = await ColleaguesAsync(http, view.CounsellorId),
            TextBlocks = await http.RequestServices.GetRequiredService<CounsellingTextBlocks>().ListAsync(Counsellor(http), Centre(http).Id, http.RequestAborted),
        }, status);
    }

    internal static Task<IResult> PageAsync<TPage>(HttpContext http, string lang, object values, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        var parameters = new Dictionary<string, object?> { ["View"] = http.View(lang, http.Account()), ["Centre"] = Centre(http), ["Counsellor"] = Counsellor(http) };
        foreach (var property in values.GetType().GetProperties()) parameters[property.Name] = property.GetValue(values);
        return Task.FromResult<IResult>(new RazorComponentResult<TPage>(parameters) { StatusCode = status });
    }
}
