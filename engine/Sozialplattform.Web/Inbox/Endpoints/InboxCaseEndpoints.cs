using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Uploads;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Inbox.Session;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// Case work on the detail page: the preview of an uploaded PDF or image, a message or decision to the applicant, and
/// the assignment within the authority. Like every inbox endpoint they answer 404 for a case of another authority
/// (and write the refusal to the audit log).
/// </summary>
public static class InboxCaseEndpoints
{
    public static void MapInboxCases(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/antraege/{id:guid}/dateien/{fileId:guid}/ansicht", async (HttpContext http, Guid id, Guid fileId, CaseworkerInbox storage) =>
            await storage.PreviewFileAsync(http.Caseworker(), id, fileId, http.RequestAborted) is { } file && AttachmentDescription.CanPreview(file.MediaType)
                ? Results.File(file.Content, file.MediaType)
                : InboxPages.NotFound());

        inbox.MapPost("/antraege/{id:guid}/mitteilungen", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseWork work, SubmissionView view, CaseNews news) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = new DetailInput { Text = form["mitteilung"].ToString() };
            CaseFile? decision = null;
            if (form.Files.GetFile("bescheid") is { Length: > 0 } upload)
            {
                if (upload.Length > CaseMessages.MaxFileBytes) return await Refused(http, storage, view, id, input, "bescheid", "fileTooLarge");
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, http.RequestAborted);
                var bytes = buffer.ToArray();
                decision = new CaseFile(upload.FileName, MediaTypes.Detect(bytes), bytes);
            }

            try
            {
                if (await work.SendAsync(http.Caseworker(), id, input.Text, decision, http.RequestAborted) is not { } sent) return InboxPages.NotFound();
                await news.QueueAsync(http.Caseworker().TenantId, sent, http.RequestAborted);
                return Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1");
            }
            catch (CaseInputException refused)
            {
                return await Refused(http, storage, view, id, input, refused.Code is "fileType" or "fileTooLarge" ? "bescheid" : "mitteilung", refused.Code);
            }
        }).InboxPost();

        MapForwarding(inbox);
        inbox.MapInboxLetters();
        inbox.MapInboxChecklist();
        inbox.MapInboxDossiers();
        inbox.MapInboxTeams();
        inbox.MapInboxRetention();

        inbox.MapPost("/antraege/{id:guid}/zuweisung", async (HttpContext http, Guid id, CaseWork work) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var value = form["bearbeiter"].ToString();
            Guid? assignee = value.Length == 0 ? null : Guid.TryParse(value, out var parsed) ? parsed : Guid.Empty;
            return await work.AssignAsync(http.Caseworker(), id, assignee, http.RequestAborted)
                ? Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1")
                : InboxPages.NotFound();
        }).InboxPost();
    }

    private static void MapForwarding(RouteGroupBuilder inbox) =>
        inbox.MapPost("/antraege/{id:guid}/weiterleitung", async (HttpContext http, Guid id, CaseworkerInbox storage, CaseForwarding forwarding, SubmissionView view) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var input = new DetailInput { Target = form["ziel"].ToString(), ForwardReason = form["weiterleitung"].ToString() };
            try
            {
                return await forwarding.ForwardAsync(http.Caseworker(), id, input.Target, input.ForwardReason, http.RequestAborted)
                    ? Results.Redirect(InboxRoutes.Submission(id))
                    : InboxPages.NotFound();
            }
            catch (CaseInputException refused)
            {
                return await Refused(http, storage, view, id, input, refused.Code == "target" ? "ziel" : "weiterleitung", refused.Code);
            }
        }).InboxPost();

    private static Task<IResult> Refused(HttpContext http, CaseworkerInbox storage, SubmissionView view, Guid id, DetailInput input, string field, string problem) =>
        InboxPages.DetailAsync(http, storage, view, id, input with { Problems = new Dictionary<string, string> { [field] = problem } });
}
