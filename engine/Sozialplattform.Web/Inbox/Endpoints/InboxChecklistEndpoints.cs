using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The case's checklist (the items its service declares): one form of check boxes, saved as a whole (<c>erledigt</c> =
/// the ticked item ids). A case of another authority is 404 and audited as <c>case.checklist.refused</c>; an item the
/// service does not declare is refused beside the list and changes nothing.
/// </summary>
public static class InboxChecklistEndpoints
{
    public static void MapInboxChecklist(this RouteGroupBuilder inbox) =>
        inbox.MapPost("/antraege/{id:guid}/checkliste", async (HttpContext http, Guid id, CaseworkerInbox storage, SubmissionView view, CaseChecklist checklist, CaseWork work, ServiceChecklists declared) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var ticked = form["erledigt"].Select(v => v ?? "").ToList();
            if (await work.LetterheadAsync(http.Caseworker(), id, http.RequestAborted, "case.checklist") is not { } head) return InboxPages.NotFound();
            var items = declared.Of(head.FormId, head.FormVersion).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            try
            {
                return await checklist.SetAsync(http.Caseworker(), id, items, ticked, http.RequestAborted)
                    ? Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1")
                    : InboxPages.NotFound();
            }
            catch (CaseInputException refused)
            {
                return await InboxPages.DetailAsync(http, storage, view, id, new DetailInput { Problems = new Dictionary<string, string> { ["erledigt"] = refused.Code } });
            }
        }).InboxPost();
}
