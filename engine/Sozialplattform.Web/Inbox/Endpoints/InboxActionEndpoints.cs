using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The changes a caseworker makes on the detail page: status (with the message the applicant reads), notes and
/// follow-ups. Refused input shows the page again with the problems beside the fields and nothing stored;
/// a stored change redirects back to the page (post/redirect/get).
/// </summary>
public static class InboxActionEndpoints
{
    public static void MapInboxActions(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/antraege/{id:guid}/status", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseworkerActions actions, SubmissionView view) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = new DetailInput { Status = form["status"].ToString(), Message = form["nachricht"].ToString() };
            var problem = Enum.TryParse<SubmissionStatus>(input.Status, out var status) && Enum.IsDefined(status)
                ? InboxInputRules.StatusProblem(status, input.Message)
                : "status-required";
            if (problem is not null) return await InboxPages.DetailAsync(http, storage, view, id, input with { Problems = Field(problem == "status-required" ? "status" : "nachricht", problem) });
            return Done(await actions.ChangeStatusAsync(http.Caseworker(), id, status, input.Message, http.RequestAborted), id);
        }).InboxPost();

        inbox.MapPost("/antraege/{id:guid}/notizen", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseworkerActions actions, SubmissionView view) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = new DetailInput { Note = form["notiz"].ToString() };
            if (InboxInputRules.NoteProblem(input.Note) is { } problem) return await InboxPages.DetailAsync(http, storage, view, id, input with { Problems = Field("notiz", problem) });
            return Done(await actions.AddNoteAsync(http.Caseworker(), id, input.Note, http.RequestAborted), id);
        }).InboxPost();

        inbox.MapPost("/antraege/{id:guid}/wiedervorlagen", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseworkerActions actions, SubmissionView view) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = new DetailInput { DueOn = form["datum"].ToString(), Reason = form["grund"].ToString() };
            var dueOn = InboxClock.Parse(input.DueOn);
            if (InboxInputRules.FollowUpProblem(dueOn, input.Reason) is { } problem)
                return await InboxPages.DetailAsync(http, storage, view, id, input with { Problems = Field(problem == "date-required" ? "datum" : "grund", problem) });
            return Done(await actions.AddFollowUpAsync(http.Caseworker(), id, dueOn!.Value, input.Reason, http.RequestAborted), id);
        }).InboxPost();

        inbox.MapPost("/antraege/{id:guid}/wiedervorlagen/{followUpId:guid}/erledigt", async (HttpContext http, Guid id, Guid followUpId, CaseworkerActions actions) =>
            Done(await actions.CompleteFollowUpAsync(http.Caseworker(), id, followUpId, http.RequestAborted), id)).InboxPost();
    }

    private static IResult Done(bool stored, Guid id) => stored ? Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1") : InboxPages.NotFound();

    private static Dictionary<string, string> Field(string field, string problem) => new() { [field] = problem };
}
