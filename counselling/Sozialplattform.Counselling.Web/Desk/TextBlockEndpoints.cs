using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Web.Components.Desk;
using Sozialplattform.Counselling.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Desk;

/// <summary>
/// "Textbausteine" of a centre, kept by its leads (others of the desk: 403): the list with "Löschen", and a form to add
/// one. Counsellors choose them on a conversation's page (<c>?baustein=</c>). Posts need the antiforgery token.
/// </summary>
internal static class TextBlockEndpoints
{
    public static void MapTextBlocks(this RouteGroupBuilder desk)
    {
        desk.MapGet("/textbausteine", async (HttpContext http, string lang, CounsellingTextBlocks blocks) =>
            Forbidden(http, lang) ?? await PageAsync(http, lang, blocks, [], null, null));

        desk.MapPost("/textbausteine", async (HttpContext http, string lang, CounsellingTextBlocks blocks) =>
        {
            if (Forbidden(http, lang) is { } forbidden) return forbidden;
            var (counsellor, centre) = (DeskEndpoints.Counsellor(http), DeskEndpoints.Centre(http));
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form["action"] == "loeschen")
                return Guid.TryParse(form["block"], out var id) && await blocks.DeleteAsync(counsellor, centre.Id, id, http.RequestAborted)
                    ? Results.Redirect(CounsellingRoutes.TextBlocks(lang, centre.Id))
                    : DeskEndpoints.NotFound(http, lang);
            var (title, body) = (form["title"].ToString(), form["body"].ToString());
            var errors = await blocks.AddAsync(counsellor, centre.Id, title, body, http.RequestAborted);
            return errors.Count == 0 ? Results.Redirect(CounsellingRoutes.TextBlocks(lang, centre.Id))
                : await PageAsync(http, lang, blocks, errors, title, body, StatusCodes.Status422UnprocessableEntity);
        }).StaffPost();
    }

    private static IResult? Forbidden(HttpContext http, string lang) =>
        DeskEndpoints.Counsellor(http).IsLead(DeskEndpoints.Centre(http).Id) ? null : http.Message(lang, "staff.forbidden", StatusCodes.Status403Forbidden, http.Account());

    private static async Task<IResult> PageAsync(HttpContext http, string lang, CounsellingTextBlocks blocks, IReadOnlyList<CounsellingError> errors, string? title, string? body,
        int status = StatusCodes.Status200OK) =>
        await DeskEndpoints.PageAsync<TextBlocksPage>(http, lang, new
        {
            Blocks = await blocks.ListAsync(DeskEndpoints.Counsellor(http), DeskEndpoints.Centre(http).Id, http.RequestAborted),
            Errors = errors, Title = title, Body = body,
        }, status);
}
