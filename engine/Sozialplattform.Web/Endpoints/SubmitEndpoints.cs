using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.Submissions;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The submit of the summary page. The idempotency key is the draft id plus a random value the summary page
/// rendered once, so a double click or a retry (even after the draft is gone) leads to the same submission.
/// </summary>
public static class SubmitEndpoints
{
    public static void MapSubmitEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/{lang}/antrag/{draftId:guid}/absenden", async (string lang, Guid draftId, HttpContext http,
            ApplicationStore applications, LoginGate login, ApplicationSubmitter submitter, SubmissionStore submissions) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var summary = PortalRoutes.Summary(lang, draftId);
            var token = form["sendung"].ToString();
            if (token.Length != 32 || !token.All(Uri.IsHexDigit)) return Results.Redirect(summary);
            var key = $"{draftId:N}-{token}";

            var (application, _) = await applications.OpenAsync(http, draftId);
            if (application is null)
                return await submissions.FindAsync(key, http.RequestAborted) is { } earlier
                    ? Results.Redirect(PortalRoutes.Receipt(lang, earlier.Submission.ReferenceNumber, earlier.StatusSecret))
                    : Results.Redirect(summary);

            // A questionnaire is answered for orientation only: it is never submitted, whatever is posted.
            if (FormJourney.IsQuestionnaire(application.Engine.Definition))
                return Results.Redirect(FormJourney.End(lang, draftId, application.Engine.Definition, new WizardSteps(application.Engine.Evaluate(application.Answers))));

            foreach (var declaration in application.Engine.Definition.Declarations)
                application.Answers[declaration.Key] = JsonValue.Create(form[declaration.Key] == "true");
            if (login.Check(http, application, LoginGate.Moment.Submitting, lang, summary) is { } signIn)
            {
                var problem = await applications.SaveAsync(application, http.RequestAborted);
                return problem == SaveProblem.None ? Results.Redirect(signIn) : Results.StatusCode(UnsavedApplication.StatusCode(problem));
            }

            var outcome = await submitter.SubmitAsync(application, key, lang, http.RequestAborted);
            if (outcome.Accepted is { } accepted)
            {
                DraftCookies.Forget(http, draftId);
                return Results.Redirect(PortalRoutes.Receipt(lang, accepted.Submission.ReferenceNumber, accepted.StatusSecret));
            }

            var saved = await applications.SaveAsync(application, http.RequestAborted);
            return saved == SaveProblem.None ? Results.Redirect($"{summary}?pruefen=1&problem={outcome.Result}") : Results.StatusCode(UnsavedApplication.StatusCode(saved));
        }).PortalPost().RequireRateLimiting(DraftLimits.SavePolicy);
}
