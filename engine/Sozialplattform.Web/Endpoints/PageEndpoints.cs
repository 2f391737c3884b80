using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Components.Pages;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Endpoints;

/// <summary>The post of one wizard page (every button of the page posts here; works without JavaScript).</summary>
public static class PageEndpoints
{
    public static void MapPageEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/{lang}/antrag/{draftId:guid}/seite/{pageId}/senden", async (string lang, Guid draftId, string pageId, HttpContext http,
            ApplicationStore applications, LoginGate login, PagePostHandler handler) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (application, _) = await applications.OpenAsync(http, draftId);
            var page = application?.Engine.Definition.Pages.FirstOrDefault(p => p.Id == pageId);
            if (application is null || page is null) return Results.Redirect(PortalRoutes.Place(lang, draftId));
            var pageUrl = PortalRoutes.Page(lang, draftId, pageId);
            if (login.Check(http, application, LoginGate.Moment.Filling, lang, pageUrl) is { } signIn) return Results.Redirect(signIn);
            var (target, problem) = await handler.HandleAsync(application, page, form, OversizedUpload.Refused(http), lang, form["von"] == "zusammenfassung", http.RequestAborted);
            if (problem == SaveProblem.None) return Results.Redirect(target);
            UnsavedApplication.Keep(http, application, problem);
            return PortalDocument.Of<WizardPage>(
                new Dictionary<string, object?> { [nameof(WizardPage.Lang)] = lang, [nameof(WizardPage.DraftId)] = draftId, [nameof(WizardPage.PageId)] = pageId },
                UnsavedApplication.StatusCode(problem));
        }).PortalPost().RequireRateLimiting(DraftLimits.SavePolicy).WithMetadata(new OversizedUpload.Metadata());
}
