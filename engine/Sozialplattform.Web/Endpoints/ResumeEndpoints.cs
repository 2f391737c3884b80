using Sozialplattform.Engine.Definitions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Endpoints;

/// <summary>The secret resume link: checks the secret, puts it into this browser's cookie and continues where the draft stands.</summary>
public static class ResumeEndpoints
{
    public static void MapResumeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/{lang}/weiter/{draftId:guid}", async (string lang, Guid draftId, string? key, HttpContext http, ApplicationStore applications) =>
        {
            if (string.IsNullOrEmpty(key)) return Results.Redirect(PortalRoutes.Place(lang, draftId));
            var (application, problem) = await applications.OpenAsync(draftId, key, http.RequestAborted);
            if (problem == ApplicationProblem.NotFound) return Results.Redirect(PortalRoutes.Place(lang, draftId));
            DraftCookies.Remember(http, draftId, key);
            return Results.Redirect(application is null ? PortalRoutes.Place(lang, draftId) : Target(lang, application));
        }).RequireLanguage();

    /// <summary>Where a resumed draft goes on: the place when none is chosen yet, else <see cref="ContinueAt"/>.</summary>
    public static string Target(string lang, Application application) =>
        FormJourney.LacksPlace(application.Engine.Definition, application.Content)
            ? PortalRoutes.Place(lang, application.DraftId)
            : ContinueAt(lang, application);

    /// <summary>The first page the citizen has not yet confirmed with "Weiter" or that still has errors, else the summary (a questionnaire's result).</summary>
    private static string ContinueAt(string lang, Application application)
    {
        var definition = application.Engine.Definition;
        var result = application.Engine.Validate(application.Answers);
        var confirmed = application.Content.ConfirmedPages;
        var unread = confirmed is null ? null : new WizardSteps(result.State).Pages.FirstOrDefault(p => !confirmed.Contains(p.Id));
        var open = new[] { unread, PageFindings.FirstOpen(result.Errors, definition) }.OfType<PageDefinition>().MinBy(p => p.Index);
        return open is null ? FormJourney.End(lang, application.DraftId, definition, new WizardSteps(result.State)) : PortalRoutes.Page(lang, application.DraftId, open.Id);
    }
}
