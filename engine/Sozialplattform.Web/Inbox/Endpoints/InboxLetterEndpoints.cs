using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// A decision letter from a template of the service: the draft (rendered, shown for editing — or the template's errors
/// with line and column), then the edited text sent as a PDF decision like an uploaded one. A case of another authority
/// is 404 and audited as <c>case.letter.refused</c> (the draft) or <c>case.decision.refused</c>.
/// </summary>
public static class InboxLetterEndpoints
{
    public static void MapInboxLetters(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/antraege/{id:guid}/bescheidentwurf", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseWork work, SubmissionView view, DecisionLetters letters) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var template = form["vorlage"].ToString();
            if (await work.LetterheadAsync(http.Caseworker(), id, http.RequestAborted) is not { } letterhead) return InboxPages.NotFound();
            if (await storage.OpenAsync(http.Caseworker(), id, http.RequestAborted) is not { } detail) return InboxPages.NotFound();
            if (view.Build(detail, DecisionLetters.Language).Document is not { } document) return InboxPages.NotFound();
            var draft = letters.Draft(document, letterhead, template);
            return await InboxPages.DetailAsync(http, storage, view, id, new DetailInput { LetterTemplate = template, LetterText = draft.Text ?? "", LetterErrors = draft.Errors });
        }).InboxPost();

        inbox.MapPost("/antraege/{id:guid}/bescheidbrief", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseWork work, SubmissionView view, DecisionLetters letters, CaseNews news) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = new DetailInput { LetterTemplate = form["vorlage"].ToString(), LetterText = form["brief"].ToString() };
            var caseworker = http.Caseworker();
            if (await work.LetterheadAsync(caseworker, id, http.RequestAborted) is not { } letterhead) return InboxPages.NotFound();
            if (DecisionLetters.Problem(input.LetterText) is { } problem)
                return await InboxPages.DetailAsync(http, storage, view, id, input with { Problems = new Dictionary<string, string> { ["brief"] = problem } });

            if (await work.SendAsync(caseworker, id, null, letters.Pdf(letterhead, input.LetterText), http.RequestAborted) is not { } sent) return InboxPages.NotFound();
            await news.QueueAsync(caseworker.TenantId, sent, http.RequestAborted);
            return Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1");
        }).InboxPost();
    }
}
