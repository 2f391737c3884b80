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
/// Teams: the authority's leads keep them on <c>/posteingang/teams</c> — create, rename, delete, members (others get
/// 403); every caseworker assigns a
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

        inbox.MapPost("/teams/{teamId:guid}/name", async (HttpContext http, Guid teamId, Teams teams, CaseWork work) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var name = form["name"].ToString();
            try
            {
                if (await teams.RenameAsync(http.Caseworker(), teamId, name, http.RequestAborted)) return Results.Redirect(InboxRoutes.Teams);
                return http.Caseworker().Role == CaseworkerRole.Lead ? InboxPages.NotFound() : InboxPages.Forbidden();
            }
            catch (CaseInputException refused) when (http.Caseworker().Role == CaseworkerRole.Lead)
            {
                return await PageAsync(http, teams, work, "", refused.Code, (teamId, name));
            }
        }).InboxPost();

        inbox.MapPost("/teams/{teamId:guid}/loeschen", async (HttpContext http, Guid teamId, Teams teams) =>
        {
            if (await teams.DeleteAsync(http.Caseworker(), teamId, http.RequestAborted)) return Results.Redirect(InboxRoutes.Teams);
            return http.Caseworker().Role == CaseworkerRole.Lead ? InboxPages.NotFound() : InboxPages.Forbidden();
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

    /// <param name="renaming">The team whose new name was refused, and that name (the problem is shown beside it).</param>
    private static async Task<IResult> PageAsync(HttpContext http, Teams teams, CaseWork work, string name, string? problem, (Guid Team, string Name)? renaming = null) =>
        new RazorComponentResult<TeamsPage>(new Dictionary<string, object?>
        {
            [nameof(TeamsPage.Teams)] = await teams.OfAuthorityAsync(http.Caseworker(), http.RequestAborted),
            [nameof(TeamsPage.Colleagues)] = await work.ColleaguesAsync(http.Caseworker(), http.RequestAborted),
            [nameof(TeamsPage.Name)] = name,
            [nameof(TeamsPage.Problem)] = problem,
            [nameof(TeamsPage.Renaming)] = renaming,
        })
        { StatusCode = problem is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity };
}
