using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The case file (Akte) on the detail page: <c>aktion=neu</c> opens a new file (<c>aktenzeichen</c> typed, or empty for
/// the next generated number), <c>aktion=verbinden</c> links the case to an existing file of the authority,
/// <c>aktion=loesen</c> takes it out. A case of another authority is 404 (audited as <c>case.file.refused</c>); bad or
/// taken numbers come back beside the field (422) and change nothing.
/// </summary>
public static class InboxDossierEndpoints
{
    public static void MapInboxDossiers(this RouteGroupBuilder inbox) =>
        inbox.MapPost("/antraege/{id:guid}/akte", async (HttpContext http, Guid id, CaseworkerInbox storage, SubmissionView view, Dossiers dossiers) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var typed = form["aktenzeichen"].ToString();
            try
            {
                var done = form["aktion"].ToString() switch
                {
                    "neu" => await dossiers.OpenAsync(http.Caseworker(), id, typed, http.RequestAborted) is not null,
                    "verbinden" => await dossiers.LinkAsync(http.Caseworker(), id, typed, http.RequestAborted),
                    "loesen" => await dossiers.UnlinkAsync(http.Caseworker(), id, http.RequestAborted),
                    _ => throw new CaseInputException("fileAction"),
                };
                return done ? Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1") : InboxPages.NotFound();
            }
            catch (CaseInputException refused)
            {
                return await InboxPages.DetailAsync(http, storage, view, id,
                    new DetailInput { FileNumber = typed, Problems = new Dictionary<string, string> { ["aktenzeichen"] = refused.Code } });
            }
        }).InboxPost();
}
