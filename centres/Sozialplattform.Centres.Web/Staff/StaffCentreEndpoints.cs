using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Centres.Web.Components.Staff;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// The pages behind the login. Staff: their centres, the edit page (save as draft, or save and send to review),
/// "Angaben bestätigen". The editorial team: the review queue and the review page with the field-level difference
/// (publish, or send back with a reason). Every step goes through <see cref="CentreSelfService"/> (scoped, checked,
/// audited in the change history); a centre outside the account's scope is 404 like an unknown id.
/// </summary>
public static class StaffCentreEndpoints
{
    public static void MapStaffCentres(this RouteGroupBuilder area)
    {
        area.MapGet("", async (HttpContext http, string lang, CentreSelfService service, string? gespeichert) =>
        {
            var account = http.Account();
            var centres = account.Role == CentreRole.Editor ? await service.ReviewQueueAsync(account, http.RequestAborted) : await service.ListAsync(account, http.RequestAborted);
            return http.Page<StaffHomePage>(lang, new { Centres = centres, Done = gespeichert }, account: account);
        });

        var staff = area.MapGroup("/stellen").RequireRole(CentreRole.Staff);
        staff.MapGet("/{id:guid}", async (HttpContext http, string lang, Guid id, CentreSelfService service) =>
            await service.OpenAsync(http.Account(), id, http.RequestAborted) is { } centre
                ? EditPage(http, lang, centre, CentreEditForm.Values(CentreJson.Read(centre.Working)), centre.Revision, [], null, StatusCodes.Status200OK)
                : http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account()));

        staff.MapPost("/{id:guid}", async (HttpContext http, string lang, Guid id, CentreSelfService service) =>
        {
            var account = http.Account();
            if (await service.OpenAsync(account, id, http.RequestAborted) is not { } centre) return http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, account);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var revision = int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
            var (values, record, errors) = CentreEditForm.Read(form, CentreJson.Read(centre.Working));
            if (record is null) return EditPage(http, lang, centre, values, revision, errors, null, StatusCodes.Status422UnprocessableEntity);
            var saved = await service.SaveAsync(account, id, record, revision, http.RequestAborted);
            if (saved.Outcome == SaveOutcome.Saved && form["action"] == "submit")
                saved = await service.SubmitAsync(account, id, revision + 1, http.RequestAborted) is { Outcome: SaveOutcome.WrongState } ? saved with { Outcome = SaveOutcome.Saved } : saved;
            return saved.Outcome switch
            {
                SaveOutcome.Saved => Results.Redirect($"{StaffRoutes.Home(lang)}?gespeichert={(form["action"] == "submit" ? "submitted" : "saved")}"),
                SaveOutcome.Conflict => await ConflictAsync(http, lang, service, id, values),
                SaveOutcome.NotFound => http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, account),
                _ => EditPage(http, lang, centre, values, revision, saved.Errors, null, StatusCodes.Status422UnprocessableEntity),
            };
        }).StaffPost();

        staff.MapPost("/{id:guid}/bestaetigen", async (HttpContext http, string lang, Guid id, CentreSelfService service) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var revision = int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
            return (await service.ConfirmAsync(http.Account(), id, revision, http.RequestAborted)).Outcome switch
            {
                SaveOutcome.Saved => Results.Redirect($"{StaffRoutes.Home(lang)}?gespeichert=confirmed"),
                SaveOutcome.Conflict => http.Message(lang, "staff.conflictConfirm", StatusCodes.Status409Conflict, http.Account()),
                SaveOutcome.WrongState => http.Message(lang, "staff.confirmUnpublished", StatusCodes.Status409Conflict, http.Account()),
                _ => http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account()),
            };
        }).StaffPost();

        var editors = area.MapGroup("/pruefung").RequireRole(CentreRole.Editor);
        editors.MapGet("/{id:guid}", async (HttpContext http, string lang, Guid id, CentreSelfService service) =>
            await service.ReviewAsync(http.Account(), id, http.RequestAborted) is { } review
                ? http.Page<CentreReviewPage>(lang, new { review.Centre, review.Changes }, account: http.Account())
                : http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account()));

        editors.MapPost("/{id:guid}", async (HttpContext http, string lang, Guid id, CentreSelfService service) =>
        {
            var account = http.Account();
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var revision = int.TryParse(form["revision"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
            var reason = form["reason"].ToString();
            var result = form["action"] == "approve"
                ? await service.ApproveAsync(account, id, revision, http.RequestAborted)
                : await service.RejectAsync(account, id, revision, reason, http.RequestAborted);
            if (result.Outcome == SaveOutcome.Saved) return Results.Redirect($"{StaffRoutes.Home(lang)}?gespeichert={(form["action"] == "approve" ? "published" : "rejected")}");
            if (await service.ReviewAsync(account, id, http.RequestAborted) is not { } review) return http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, account);
            var problem = result.Outcome == SaveOutcome.Conflict ? "staff.conflictReview" : result.Errors.Count > 0 ? null : "staff.notInReview";
            return http.Page<CentreReviewPage>(lang, new { review.Centre, review.Changes, Errors = result.Errors, Problem = problem, Reason = reason },
                result.Outcome == SaveOutcome.Conflict || problem == "staff.notInReview" ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, account);
        }).StaffPost();
    }

    /// <summary>Someone saved first: the page shows the typed values again (nothing is lost) with the current revision, and says so.</summary>
    private static async Task<IResult> ConflictAsync(HttpContext http, string lang, CentreSelfService service, Guid id, Dictionary<string, string> values) =>
        await service.OpenAsync(http.Account(), id, http.RequestAborted) is { } current
            ? EditPage(http, lang, current, values, current.Revision, [], "staff.conflict", StatusCodes.Status409Conflict)
            : http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account());

    private static IResult EditPage(HttpContext http, string lang, CentreRow centre, IReadOnlyDictionary<string, string> values, int revision,
        IReadOnlyList<CentreError> errors, string? problem, int status) =>
        http.Page<CentreEditPage>(lang, new { Centre = centre, Values = values, Revision = revision, Errors = errors, Problem = problem }, status, http.Account());
}
