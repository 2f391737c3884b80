using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Components.Pages;

/// <summary>
/// Base of the pages of one application (place, wizard pages, summary, saved): opens the draft with the secret of
/// this browser, refuses a draft whose form version changed, and asks for a login where the form needs one.
/// </summary>
public abstract class ApplicationPage : PortalPage
{
    [Parameter] public Guid DraftId { get; set; }

    [Inject] public ApplicationStore Applications { get; set; } = null!;

    [Inject] public LoginGate Login { get; set; } = null!;

    protected Application Application { get; private set; } = null!;

    protected ApplicationProblem Problem { get; private set; }

    /// <summary>When the form needs a login before filling, every page of the application asks for it.</summary>
    protected virtual LoginGate.Moment LoginMoment => LoginGate.Moment.Filling;

    protected sealed override async Task<bool> LoadAsync()
    {
        var (application, problem) = UnsavedApplication.Find(Http!, DraftId) is { } unsaved
            ? (unsaved, ApplicationProblem.None)
            : await Applications.OpenAsync(Http!, DraftId);
        Problem = problem;
        if (application is null)
        {
            SetStatus(problem == ApplicationProblem.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
            // Blazor leaves a 404 page's body to the error page; it explains the problem (see ErrorEndpoints).
            Http!.Items[ApplicationProblemView.HttpItem] = problem;
            return false;
        }

        Application = application;
        var unowned = application.Content.Owner is null;
        if (Login.Check(Http!, application, LoginMoment, Lang, Http!.Request.Path + Http.Request.QueryString) is { } signIn) return Redirect(signIn);
        // The first signed-in visit makes the draft this citizen's at once: its link alone opens it for nobody else.
        if (unowned && application.Content.Owner is not null && UnsavedApplication.Find(Http!, DraftId) is null) await Applications.SaveAsync(application, Http!.RequestAborted);
        R.Prefilled = application.Content.Prefilled;
        return await LoadApplicationAsync();
    }

    protected abstract Task<bool> LoadApplicationAsync();
}
