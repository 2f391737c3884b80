using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Components;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>The list with filter and search, and the deadline list of due follow-ups.</summary>
public static class InboxListEndpoints
{
    public static readonly int[] LookAheadDays = [0, 7, 30];

    public static void MapInboxLists(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("", async (HttpContext http, CaseworkerInbox storage, InboxClock clock) =>
        {
            var caseworker = http.Caseworker();
            var query = ListQuery.Read(http.Request.Query, clock.Today, caseworker.Id);
            var page = await storage.ListAsync(caseworker, query.Filter, http.RequestAborted);
            var forms = await storage.FormsAsync(caseworker, http.RequestAborted);
            return new RazorComponentResult<ListPage>(new Dictionary<string, object?>
            {
                [nameof(ListPage.Query)] = query, [nameof(ListPage.Page)] = page, [nameof(ListPage.Forms)] = forms,
            });
        });

        inbox.MapGet("/fristen", async (HttpContext http, CaseworkerInbox storage, InboxClock clock, int? tage) =>
        {
            var days = tage is { } wanted && LookAheadDays.Contains(wanted) ? wanted : 0;
            var today = clock.Today;
            var until = today.AddDays(days);
            var due = await storage.DueFollowUpsAsync(http.Caseworker(), until, http.RequestAborted);
            return new RazorComponentResult<DeadlinesPage>(new Dictionary<string, object?>
            {
                [nameof(DeadlinesPage.Items)] = due, [nameof(DeadlinesPage.Today)] = today, [nameof(DeadlinesPage.Days)] = days,
            });
        });
    }
}
