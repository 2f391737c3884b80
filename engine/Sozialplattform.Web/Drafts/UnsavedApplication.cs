using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.Drafts;

/// <summary>
/// An application whose last post could not be saved (too large, storage unavailable). The page post renders the
/// wizard page from it instead of redirecting, so the citizen's input stays in the form and nothing is lost; the
/// stored draft keeps its last saved state.
/// </summary>
public static class UnsavedApplication
{
    private const string HttpItem = "sozial-unsaved-application";

    public static void Keep(HttpContext http, Application application, SaveProblem problem) => http.Items[HttpItem] = (application, problem);

    /// <summary>The unsaved application of this request if it is the draft asked for.</summary>
    public static Application? Find(HttpContext http, Guid draftId) =>
        http.Items[HttpItem] is (Application application, SaveProblem) && application.DraftId == draftId ? application : null;

    /// <summary>The status of a refused save: 413 (too large) or 503 (storage unavailable); the error page says what it means.</summary>
    public static int StatusCode(SaveProblem problem) =>
        problem == SaveProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status503ServiceUnavailable;

    public static SaveProblem ProblemOf(HttpContext? http) =>
        http?.Items[HttpItem] is (Application, SaveProblem problem) ? problem : SaveProblem.None;
}
