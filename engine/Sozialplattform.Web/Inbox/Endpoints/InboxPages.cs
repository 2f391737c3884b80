using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Components;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>The inbox's pages as results of its endpoints (static server rendering, no router): each page gets what its endpoint loaded.</summary>
public static class InboxPages
{
    public static RazorComponentResult<NotFoundPage> NotFound() => new() { StatusCode = StatusCodes.Status404NotFound };

    /// <summary>403: the page is not for the signed-in account's role (operators and submissions, caseworkers and the operations page).</summary>
    public static RazorComponentResult<ForbiddenPage> Forbidden() => new() { StatusCode = StatusCodes.Status403Forbidden };

    /// <summary>400: a post without a valid antiforgery token (or not a form); nothing was read or stored.</summary>
    public static RazorComponentResult<BadFormPage> BadForm() => new() { StatusCode = StatusCodes.Status400BadRequest };

    public static RazorComponentResult<LoginPage> Login(string? problem, string? returnUrl, string? login = null, DateTime? waitUntil = null, int status = StatusCodes.Status200OK) =>
        new(new Dictionary<string, object?>
        {
            [nameof(LoginPage.Problem)] = problem, [nameof(LoginPage.ReturnUrl)] = returnUrl, [nameof(LoginPage.Login)] = login, [nameof(LoginPage.WaitUntil)] = waitUntil,
        })
        { StatusCode = status };

    /// <summary>
    /// The detail page: opens the submission (a logged view), builds its document, and for team leads the audit trail.
    /// <paramref name="input"/> carries what a refused post had entered, with its problems.
    /// </summary>
    public static async Task<IResult> DetailAsync(HttpContext http, CaseworkerInbox inbox, SubmissionView view, Guid id, DetailInput? input = null, bool saved = false)
    {
        var caseworker = http.Caseworker();
        var detail = await inbox.OpenAsync(caseworker, id, http.RequestAborted);
        if (detail is null)
            return await http.RequestServices.GetRequiredService<CaseForwarding>().StubAsync(caseworker, id, http.RequestAborted) is { } stub
                ? new RazorComponentResult<CaseStubPage>(new Dictionary<string, object?> { [nameof(CaseStubPage.Stub)] = stub })
                : NotFound();
        var lang = InboxLanguage.Of(http);
        var audit = await inbox.AuditTrailAsync(caseworker, id, http.RequestAborted);
        var colleagues = await http.RequestServices.GetRequiredService<CaseWork>().ColleaguesAsync(caseworker, http.RequestAborted);
        var targets = await http.RequestServices.GetRequiredService<CaseForwarding>().TargetsAsync(caseworker, http.RequestAborted);
        var letters = http.RequestServices.GetRequiredService<DecisionLetters>().Templates(detail.Submission.FormId, detail.Submission.FormVersion);
        var checklist = http.RequestServices.GetRequiredService<ServiceChecklists>().Of(detail.Submission.FormId, detail.Submission.FormVersion);
        var ticked = await http.RequestServices.GetRequiredService<CaseChecklist>().TickedAsync(caseworker, id, http.RequestAborted) ?? [];
        var teams = http.RequestServices.GetRequiredService<Teams>();
        var dossier = await http.RequestServices.GetRequiredService<Dossiers>().OfAsync(caseworker, id, http.RequestAborted) ?? new DossierView(null, [], null);
        return new RazorComponentResult<DetailPage>(new Dictionary<string, object?>
        {
            [nameof(DetailPage.Detail)] = detail,
            [nameof(DetailPage.View)] = view.Build(detail, lang),
            [nameof(DetailPage.Input)] = input ?? new DetailInput(),
            [nameof(DetailPage.Audit)] = audit,
            [nameof(DetailPage.Saved)] = saved,
            [nameof(DetailPage.Colleagues)] = colleagues,
            [nameof(DetailPage.CaseworkerId)] = caseworker.Id,
            [nameof(DetailPage.Targets)] = targets,
            [nameof(DetailPage.Letters)] = letters,
            [nameof(DetailPage.Checklist)] = checklist,
            [nameof(DetailPage.Ticked)] = ticked,
            [nameof(DetailPage.Dossier)] = dossier,
            [nameof(DetailPage.TeamList)] = await teams.OfAuthorityAsync(caseworker, http.RequestAborted),
            [nameof(DetailPage.TeamId)] = await teams.OfCaseAsync(caseworker, id, http.RequestAborted),
            [nameof(DetailPage.Retention)] = await http.RequestServices.GetRequiredService<CaseHolds>().OfAsync(caseworker, id, http.RequestAborted) ?? new RetentionState(null, null),
            [nameof(DetailPage.IsLead)] = caseworker.Role == Sozialplattform.Storage.Entities.CaseworkerRole.Lead,
        })
        { StatusCode = input?.Problems.Count > 0 || input?.LetterErrors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK };
    }
}

/// <summary>What the detail page's forms show again after a refused post: the entered values and the problem codes by field.</summary>
public sealed record DetailInput
{
    public string Status { get; init; } = "";
    public string Message { get; init; } = "";
    public string Note { get; init; } = "";
    public string DueOn { get; init; } = "";
    public string Reason { get; init; } = "";

    /// <summary>The message (or the decision's covering text) to the applicant.</summary>
    public string Text { get; init; } = "";

    /// <summary>The forwarding's target authority and reason.</summary>
    public string Target { get; init; } = "";
    public string ForwardReason { get; init; } = "";

    /// <summary>The file number typed for a new case file or a link.</summary>
    public string FileNumber { get; init; } = "";

    /// <summary>The reason typed for setting or lifting a legal hold.</summary>
    public string HoldReason { get; init; } = "";

    /// <summary>The decision letter: the template it was drafted from, its (edited) text, and the template's errors with line and column.</summary>
    public string LetterTemplate { get; init; } = "";
    public string LetterText { get; init; } = "";
    public IReadOnlyList<Sozialplattform.Documents.Templating.TemplateError> LetterErrors { get; init; } = [];

    /// <summary>Field id → problem code (<see cref="InboxInputRules"/>).</summary>
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();
}
