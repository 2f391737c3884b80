using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Web.Inbox.Components;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// The operations page of operators (<c>/posteingang/betrieb</c>): the tenant's deliveries that need attention
/// (<see cref="OutboxOperations"/>) and "retry now". A retry redirects to the page with a confirmation (post/redirect/get);
/// a refused one shows the page again with the problem and changes nothing.
/// </summary>
public static class InboxOperationsEndpoints
{
    public static void MapInboxOperations(this RouteGroupBuilder operations)
    {
        operations.MapGet("/betrieb", (HttpContext http, OutboxOperations outbox, string? status, string? erneut) =>
            PageAsync(http, outbox, View(status), retried: Guid.TryParse(erneut, out var id) ? id : null));

        operations.MapPost("/betrieb/erneut-versuchen", async (HttpContext http, OutboxOperations outbox) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var view = View(form["status"].ToString());
            if (!Guid.TryParse(form["zustellung"].ToString().Trim(), out var id))
                return await PageAsync(http, outbox, view, problem: "operations.badId", status: StatusCodes.Status400BadRequest);
            return await outbox.RetryNowAsync(http.Caseworker(), id, http.RequestAborted) switch
            {
                RetryNowResult.Scheduled => Results.Redirect(InboxRoutes.OperationsView(OutboxView.Attention, id)),
                RetryNowResult.NotFound => await PageAsync(http, outbox, view, problem: "operations.notFound", status: StatusCodes.Status404NotFound),
                _ => await PageAsync(http, outbox, view, problem: "operations.notRetryable", status: StatusCodes.Status409Conflict),
            };
        }).InboxPost();
    }

    /// <summary>The view named by <c>?status=</c> (Dead, Waiting, Delivered); anything else is the default: dead and waiting.</summary>
    private static OutboxView View(string? text) =>
        Enum.TryParse<OutboxView>(text, out var view) && Enum.IsDefined(view) && !int.TryParse(text, out _) ? view : OutboxView.Attention;

    private static async Task<IResult> PageAsync(HttpContext http, OutboxOperations outbox, OutboxView view, Guid? retried = null, string? problem = null, int status = StatusCodes.Status200OK)
    {
        var items = await outbox.ListAsync(http.Caseworker(), view, http.RequestAborted);
        return new RazorComponentResult<OperationsPage>(new Dictionary<string, object?>
        {
            [nameof(OperationsPage.Items)] = items,
            [nameof(OperationsPage.View)] = view,
            [nameof(OperationsPage.Retried)] = retried,
            [nameof(OperationsPage.Problem)] = problem,
            [nameof(OperationsPage.Now)] = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        })
        { StatusCode = status };
    }
}
