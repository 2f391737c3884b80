using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Wizard;

/// <summary>
/// The steps around the pages, by the form's purpose. An application asks for the place first and ends with the
/// summary and the submit; a contact request has no place step (its destination was chosen before it started). A questionnaire (the Sozialleistungsfinder) has neither: no place, no login, no submit —
/// its last visible page is the result.
/// </summary>
public static class FormJourney
{
    public static bool IsQuestionnaire(FormDefinition form) => form.Purpose == FormPurpose.Questionnaire;

    /// <summary>A contact request goes to the destination chosen before it started (a counselling centre): it has no place step.</summary>
    public static bool IsContactRequest(FormDefinition form) => form.Purpose == FormPurpose.ContactRequest;

    public static bool AsksPlace(FormDefinition form) => !IsQuestionnaire(form) && !IsContactRequest(form);

    /// <summary>The place step is still to do: an application without a chosen place.</summary>
    public static bool LacksPlace(FormDefinition form, Drafts.DraftContent content) => AsksPlace(form) && content.Place is null;

    /// <summary>Where a new (or resumed, placeless) draft starts: the place step, or a questionnaire's first page.</summary>
    public static string Start(string lang, Guid draftId, FormDefinition form, FormState state) =>
        AsksPlace(form) ? PortalRoutes.Place(lang, draftId) : FirstPage(lang, draftId, new WizardSteps(state));

    /// <summary>What comes after the last page: the summary, or a questionnaire's result (its last page).</summary>
    public static string End(string lang, Guid draftId, FormDefinition form, WizardSteps steps) =>
        IsQuestionnaire(form) && steps.Pages.Count > 0 ? PortalRoutes.Page(lang, draftId, steps.Pages[^1].Id) : PortalRoutes.Summary(lang, draftId);

    /// <summary>Before the first page: the place step, or a questionnaire's service page.</summary>
    public static string BeforeFirst(string lang, Guid draftId, FormDefinition form) =>
        AsksPlace(form) ? PortalRoutes.Place(lang, draftId) : PortalRoutes.Service(lang, form.Id);

    /// <summary>True for the result page of a questionnaire: its last visible page.</summary>
    public static bool IsResult(FormDefinition form, WizardSteps steps, PageDefinition page) =>
        IsQuestionnaire(form) && steps.Pages.Count > 0 && steps.Pages[^1] == page;

    private static string FirstPage(string lang, Guid draftId, WizardSteps steps) =>
        steps.Pages.Count > 0 ? PortalRoutes.Page(lang, draftId, steps.Pages[0].Id) : PortalRoutes.Home(lang);
}
