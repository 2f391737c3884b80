using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// One post of a wizard page, in this order: materialise rows → read the page's inputs into the draft's raw
/// answers → store uploads → carry out the button (next, back, save, update, add/remove row, remove file) →
/// save the draft → the URL to show next (post/redirect/get), or why the draft could not be saved. Moving forward is refused while the page has errors.
/// </summary>
public sealed class PagePostHandler(ApplicationStore applications, AttachmentUploads uploads, Usage.UsageRecorder usage)
{
    public async Task<(string Target, SaveProblem Problem)> HandleAsync(Application application, PageDefinition page, IFormCollection form, IReadOnlyList<InputRejection> refused, string lang, bool fromSummary, CancellationToken cancellationToken)
    {
        var engine = application.Engine;
        var answers = application.Answers;
        RepeatRows.EnsureMinimum(engine.Definition.Root, answers);
        var pageElements = engine.Evaluate(answers).Elements.Where(e => e.Definition.Page == page).ToList();
        var rejections = PageAnswers.Merge(answers, pageElements, form, SignIn.IdentityPrefill.FixedPaths(application)).Concat(refused).ToList();
        if (form.Files.Count > 0) rejections.AddRange(await uploads.StoreAsync(application, form.Files, pageElements, cancellationToken));

        var action = PageAction.Parse(form["action"]);
        var target = PageUrl(lang, application, page, fromSummary, check: rejections.Count > 0, rejections);
        switch (action.Kind)
        {
            case PageActionKind.AddRow when RepeatOnPage(pageElements, action.Path) is { } repeat:
                // The new row's anchor: without JavaScript the browser scrolls to it, portal.js moves the focus into it.
                target += "#" + FieldIds.Group(RepeatRows.Add(answers, action.Path, repeat) ?? action.Path);
                break;
            case PageActionKind.RemoveRow when RowOnPage(pageElements, action.Path) is { } repeat:
                RepeatRows.Remove(answers, action.Path, repeat.Repeat!);
                target += "#" + FieldIds.Group(action.Path[..action.Path.LastIndexOf('[')]);
                break;
            case PageActionKind.RemoveFile when pageElements.FirstOrDefault(e => e.Path == action.Path && e.Definition is FieldDefinition { Type: Engine.Fields.FileFieldType }) is { } file:
                await uploads.RemoveAsync(application, file, action.Argument, cancellationToken);
                target += "#" + FieldIds.For(action.Path);
                break;
            case PageActionKind.Save:
                target = PortalRoutes.Saved(lang, application.DraftId);
                break;
            case PageActionKind.Back:
                var steps = new WizardSteps(engine.Evaluate(answers));
                target = steps.Before(page) is { } previous ? PortalRoutes.Page(lang, application.DraftId, previous.Id) : FormJourney.BeforeFirst(lang, application.DraftId, engine.Definition);
                break;
            case PageActionKind.Next when rejections.Count == 0:
                target = Forward(application, page, lang, fromSummary);
                break;
            case PageActionKind.Next:
                usage.Errors(application, page, rejections.Select(r => (r.Path, r.Code)));
                break;
        }

        return (target, await applications.SaveAsync(application, cancellationToken));
    }

    private string Forward(Application application, PageDefinition page, string lang, bool fromSummary)
    {
        var result = application.Engine.Validate(application.Answers);
        var findings = PageFindings.For(result.Errors, page);
        if (findings.Count > 0)
        {
            usage.Errors(application, page, findings.Select(Usage.UsageRecorder.Of));
            return PageUrl(lang, application, page, fromSummary, check: true, []);
        }

        var firstTime = (application.Content.ConfirmedPages ??= new HashSet<string>(StringComparer.Ordinal)).Add(page.Id);
        var steps = new WizardSteps(result.State);
        if (firstTime) usage.Passed(application, page, steps.After(page));
        if (fromSummary) return FormJourney.End(lang, application.DraftId, application.Engine.Definition, steps);
        return steps.After(page) is { } next
            ? PortalRoutes.Page(lang, application.DraftId, next.Id)
            : FormJourney.End(lang, application.DraftId, application.Engine.Definition, steps);
    }

    private static string PageUrl(string lang, Application application, PageDefinition page, bool fromSummary, bool check, IReadOnlyList<InputRejection> rejections)
    {
        var query = new List<string>();
        if (fromSummary) query.Add("von=zusammenfassung");
        if (check) query.Add("pruefen=1");
        query.AddRange(rejections.Select(r => InputRejection.QueryKey + "=" + Uri.EscapeDataString(r.Encode())));
        var url = PortalRoutes.Page(lang, application.DraftId, page.Id);
        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }

    private static GroupDefinition? RepeatOnPage(IEnumerable<ElementState> pageElements, string path) =>
        pageElements.FirstOrDefault(e => e.Path == path && e.Definition is GroupDefinition { IsRepeating: true })?.Definition as GroupDefinition;

    private static GroupDefinition? RowOnPage(IEnumerable<ElementState> pageElements, string rowPath)
    {
        var bracket = rowPath.LastIndexOf('[');
        return bracket > 0 && rowPath.EndsWith(']') ? RepeatOnPage(pageElements, rowPath[..bracket]) : null;
    }
}
