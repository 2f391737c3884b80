using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Inbox.Components;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>
/// Teams: the authority's leads keep them on <c>/posteingang/teams</c> (others get 403); every caseworker assigns a
/// case to one (<c>…/team</c>). A team or case of another authority is 404; every refusal is audited by <see cref="Teams"/>.
/// </summary>
public static class InboxTeamEndpoints
{
    public static void MapInboxTeams(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/teams", async (HttpContext http, Teams teams, CaseWork work) =>
            http.Caseworker().Role == CaseworkerRole.Lead ? await PageAsync(http, teams, work, "", null) : InboxPages.Forbidden());

        inbox.MapPost("/teams", async (HttpContext http, Teams teams, CaseWork work) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var name = form["name"].ToString();
            try
            {
                return await teams.CreateAsync(http.Caseworker(), name, http.RequestAborted) is null ? InboxPages.Forbidden() : Results.Redirect(InboxRoutes.Teams);
            }
            catch (CaseInputException refused)
            {
                return await PageAsync(http, teams, work, name, refused.Code);
            }
        }).InboxPost();

        inbox.MapPost("/teams/{teamId:guid}/mitglieder", async (HttpContext http, Guid teamId, Teams teams) =>
        {
            if (http.Caseworker().Role != CaseworkerRole.Lead)
            {
                await teams.SetMembersAsync(http.Caseworker(), teamId, [], http.RequestAborted);
                return InboxPages.Forbidden();
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var members = form["mitglied"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList();
            return await teams.SetMembersAsync(http.Caseworker(), teamId, members, http.RequestAborted) ? Results.Redirect(InboxRoutes.Teams) : InboxPages.NotFound();
        }).InboxPost();

        inbox.MapPost("/antraege/{id:guid}/team", async (HttpContext http, Guid id, Teams teams) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var value = form["team"].ToString();
            Guid? team = value.Length == 0 ? null : Guid.TryParse(value, out var parsed) ? parsed : Guid.Empty;
            return await teams.AssignAsync(http.Caseworker(), id, team, http.RequestAborted)
                ? Results.Redirect(InboxRoutes.Submission(id) + "?gespeichert=1")
                : InboxPages.NotFound();
        }).InboxPost();
    }

    private static async Task<IResult> PageAsync(HttpContext http, Teams teams, CaseWork work, string name, string? problem) =>
        new RazorComponentResult<TeamsPage>(new Dictionary<string, object?>
        {
            [nameof(TeamsPage.Teams)] = await teams.OfAuthorityAsync(http.Caseworker(), http.RequestAborted),
            [nameof(TeamsPage.Colleagues)] = await work.ColleaguesAsync(http.Caseworker(), http.RequestAborted),
            [nameof(TeamsPage.Name)] = name,
            [nameof(TeamsPage.Problem)] = problem,
        })
        { StatusCode = problem is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity };
}
