using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Delivery.Archive;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Components;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// Retention on the detail page, for leads: the legal hold (<c>aktion=setzen</c> | <c>aufheben</c> with <c>grund</c>,
/// required, ≤ 1,000 characters) and the case's archive package (zip). A caseworker who is no lead gets 403, a case of
/// another authority 404 — both audited (<c>case.hold.refused</c>, <c>case.archive.refused</c>); a missing or too long
/// reason comes back beside the field (422) and changes nothing.
/// </summary>
public static class InboxRetentionEndpoints
{
    public static void MapInboxRetention(this RouteGroupBuilder inbox)
    {
        inbox.MapPost("/antraege/{id:guid}/loeschsperre", async (HttpContext http, Guid id, CaseworkerInbox storage, SubmissionView view, CaseHolds holds) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var reason = form["grund"].ToString();
            try
            {
                var access = form["aktion"].ToString() switch
                {
                    "setzen" => await holds.SetAsync(http.Caseworker(), id, reason, http.RequestAborted),
                    "aufheben" => await holds.LiftAsync(http.Caseworker(), id, reason, http.RequestAborted),
                    _ => throw new CaseInputException("holdAction"),
                };
                return Result(access, () => Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1"));
            }
            catch (CaseInputException refused)
            {
                return await InboxPages.DetailAsync(http, storage, view, id,
                    new DetailInput { HoldReason = reason, Problems = new Dictionary<string, string> { ["grund"] = refused.Code } });
            }
        }).InboxPost();

        inbox.MapGet("/aufbewahrung", async Task<IResult> (HttpContext http, RetentionOverview overview, CaseRetentionService job, CaseworkerInbox storage) =>
        {
            var query = http.Request.Query;
            var service = query["dienst"].ToString().Trim();
            var page = await overview.OfAuthorityAsync(http.Caseworker(), job.Periods() ?? RetentionPeriods.None, service, PageNumber(query["faellig"]), PageNumber(query["seite"]), http.RequestAborted);
            if (page is null) return InboxPages.Forbidden();
            var forms = (await storage.FormsAsync(http.Caseworker(), http.RequestAborted)).ToList();
            forms.AddRange(page.LogServices.Where(id => forms.All(f => f.FormId != id)).Select(id => new InboxForm(id, id)));
            return new RazorComponentResult<RetentionPage>(new Dictionary<string, object?>
            {
                [nameof(RetentionPage.Overview)] = page, [nameof(RetentionPage.Forms)] = forms, [nameof(RetentionPage.Service)] = service,
            });
        });

        inbox.MapGet("/antraege/{id:guid}/archiv.zip", async (HttpContext http, Guid id, CaseArchiveSource archives, TimeProvider clock) =>
        {
            var (access, contents) = await archives.ForLeadAsync(http.Caseworker(), id, http.RequestAborted);
            return Result(access, () => Results.File(CaseArchive.Build(contents!, http.Caseworker().Login, clock.GetUtcNow().UtcDateTime), "application/zip", CaseArchive.FileName(contents!.ReferenceNumber)));
        });
    }

    /// <summary>A page number from the query; anything else (missing, not a number, below 1) is the first page.</summary>
    private static int PageNumber(string? value) => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    private static IResult Result(CaseAccess access, Func<IResult> done) => access switch
    {
        CaseAccess.Done => done(),
        CaseAccess.NotLead => InboxPages.Forbidden(),
        _ => InboxPages.NotFound(),
    };
}
