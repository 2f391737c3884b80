using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Web.Components.Desk;
using Sozialplattform.Counselling.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Desk;

/// <summary>
/// "Abwesenheit und Vertretung" of a desk: every member sets their own absence (from, to, a deputy among the centre's
/// members) or ends it, and — in a form of its own — the name seekers may read; a lead sets the centre's reply time on the desk. Each post needs the
/// antiforgery token (<c>StaffPost</c>); problems are shown beside their fields, nothing stored.
/// </summary>
internal static class AbsenceEndpoints
{
    public static void MapCounsellingAbsence(this RouteGroupBuilder desk)
    {
        desk.MapGet("/abwesenheit", async (HttpContext http, string lang, CounsellingAbsences absences) =>
        {
            var absence = await absences.OfAsync(DeskEndpoints.Counsellor(http).AccountId, DeskEndpoints.Centre(http).Id, http.RequestAborted);
            return await PageAsync(http, lang, absences, [], absence?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                absence?.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), absence?.DeputyId, null);
        });

        desk.MapPost("/abwesenheit", async (HttpContext http, string lang, CounsellingAbsences absences) =>
        {
            var (counsellor, centre) = (DeskEndpoints.Counsellor(http), DeskEndpoints.Centre(http));
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form["action"] == "beenden")
            {
                await absences.ClearAsync(counsellor, centre.Id, http.RequestAborted);
                return Results.Redirect(CounsellingRoutes.Desk(lang, centre.Id));
            }

            if (form["action"] == "name")
            {
                var name = form["displayName"].ToString();
                return await absences.SetDisplayNameAsync(counsellor, centre.Id, name, http.RequestAborted) is { } nameError
                    ? await PageAsync(http, lang, absences, [nameError], null, null, null, name, StatusCodes.Status422UnprocessableEntity)
                    : Results.Redirect(CounsellingRoutes.Absence(lang, centre.Id));
            }

            var (from, to) = (form["from"].ToString().Trim(), form["to"].ToString().Trim());
            var deputyId = Guid.TryParse(form["deputy"], out var id) ? id : (Guid?)null;
            var errors = new List<CounsellingError>();
            if (from.Length > 0 && Date(from) is null) errors.Add(new("from", "dateMalformed"));
            if (to.Length > 0 && Date(to) is null) errors.Add(new("to", "dateMalformed"));
            if (errors.Count == 0) errors.AddRange(await absences.SetAsync(counsellor, centre.Id, Date(from), Date(to), deputyId, http.RequestAborted));
            return errors.Count == 0 ? Results.Redirect(CounsellingRoutes.Desk(lang, centre.Id))
                : await PageAsync(http, lang, absences, errors, from, to, deputyId, null, StatusCodes.Status422UnprocessableEntity);
        }).StaffPost();

        desk.MapPost("/antwortzeit", async (HttpContext http, string lang, CounsellingAbsences absences, CounsellorDesk conversations) =>
        {
            var (counsellor, centre) = (DeskEndpoints.Counsellor(http), DeskEndpoints.Centre(http));
            if (!counsellor.IsLead(centre.Id)) return http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, http.Account());
            var days = int.TryParse((await http.Request.ReadFormAsync(http.RequestAborted))["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (int?)null;
            if (await absences.SetReplyDaysAsync(counsellor, centre.Id, days, http.RequestAborted) is { } error)
                return await DeskEndpoints.PageAsync<DeskPage>(http, lang, new { Desk = await conversations.DeskAsync(counsellor, centre.Id, http.RequestAborted), ReplyDays = days, Error = error },
                    StatusCodes.Status422UnprocessableEntity);
            return Results.Redirect(CounsellingRoutes.Desk(lang, centre.Id));
        }).StaffPost();
    }

    private static DateOnly? Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The form, with the centre's other members as deputies.</summary>
    private static async Task<IResult> PageAsync(HttpContext http, string lang, CounsellingAbsences absences, IReadOnlyList<CounsellingError> errors,
        string? from, string? to, Guid? deputy, string? displayName, int status = StatusCodes.Status200OK)
    {
        var (counsellor, centre) = (DeskEndpoints.Counsellor(http), DeskEndpoints.Centre(http));
        var members = await absences.MembersAsync(centre.Id, http.RequestAborted);
        var deputies = await DeskEndpoints.ColleaguesAsync(http, counsellor.AccountId);
        return await DeskEndpoints.PageAsync<AbsencePage>(http, lang, new
        {
            Errors = errors, From = from, To = to, Deputy = deputy, Deputies = deputies,
            DisplayName = displayName ?? members.GetValueOrDefault(counsellor.AccountId),
            HasAbsence = await absences.OfAsync(counsellor.AccountId, centre.Id, http.RequestAborted) is not null,
        }, status);
    }
}
