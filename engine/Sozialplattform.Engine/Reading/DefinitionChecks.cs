using Sozialplattform.Engine.Definitions;
using static Sozialplattform.Engine.Definitions.ProblemArgument;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Reading;

/// <summary>Checks across the whole form once it is read: page ids, reserved keys, prefill places, declarations, translations.</summary>
internal static class DefinitionChecks
{
    public static void Check(FormDefinition form, FormEngineOptions options, ProblemList problems)
    {
        foreach (var duplicate in form.Pages.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            problems.Error(DefinitionProblemCodes.DuplicatePage, $"page id '{duplicate.Key}' is used {duplicate.Count()} times", duplicate.Last().Location, duplicate.Key, Invariant(duplicate.Count()));

        foreach (var element in form.AllElements())
        {
            if (RuleBinder.ReservedNames.Contains(element.Key) || options.RuleFunctions.Contains(element.Key))
                problems.Error(DefinitionProblemCodes.ReservedKey, $"key '{element.Key}' is reserved (a rule helper or one of row, rowIndex, value); choose another key", element.Location, element.Key);
        }

        // The applicant's own values fill the form itself and the first row of a repeating group (the applicant's row);
        // a row of a group repeated inside another row belongs to nobody in particular.
        foreach (var field in form.AllFields().Where(f => f.Prefill is not null && f.RepeatDepth > 1))
            problems.Error(DefinitionProblemCodes.PrefillNestedRepeat,
                $"field '{field.PathTemplate}': 'prefill' is not possible in a repeating group inside another repeating group; identity values fill fields outside repeating groups and the first row of a repeating group (the applicant's row). Remove 'prefill' or move the field",
                field.Location, field.PathTemplate);

        foreach (var declaration in form.Declarations)
        {
            if (form.Root.Find(declaration.Key) is not null)
                problems.Error(DefinitionProblemCodes.DuplicateKeyDeclarationItem, $"declaration key '{declaration.Key}' is also the key of an item", declaration.Location, declaration.Key);
            if (declaration.Page is { } page && form.Pages.All(p => p.Id != page))
                problems.Error(DefinitionProblemCodes.UnknownPage, $"declaration '{declaration.Key}' confirms page '{page}', which the form does not have", declaration.Location, declaration.Key, page);
        }

        foreach (var duplicate in form.Declarations.GroupBy(d => d.Key).Where(g => g.Count() > 1))
            problems.Error(DefinitionProblemCodes.DuplicateKeyDeclaration, $"declaration key '{duplicate.Key}' is used twice", duplicate.Last().Location, duplicate.Key);

        if ((form.RequiredLevel is not null || form.Reauthenticate) && (form.Login == LoginRequirement.None || form.Purpose == FormPurpose.Questionnaire))
            problems.Error(DefinitionProblemCodes.AccessWithoutLogin, "'access.level' and 'access.reauthenticate' need a login: set 'access.login' to 'beforeFilling' or 'beforeSubmitting' (questionnaires have no login)", form.Root.Location);

        if (form.CaseFileField is { } caseFileField
            && form.AllFields().FirstOrDefault(f => f.PathTemplate == caseFileField) is not { RepeatDepth: 0, Type.Name: "text" })
            problems.Error(DefinitionProblemCodes.CaseFileField, $"'caseFileField' names '{caseFileField}', which is no text field outside repeating groups of this form; give the answer path of the field that carries the file or customer number (e.g. 'jobcenter.bgNummer')", form.Root.Location, caseFileField);

        if (form.Languages.Count > 0 && form.Languages[0] != LocalizedText.SourceLanguage)
            problems.Warning(DefinitionProblemCodes.SourceLanguage, $"the first language should be German ('de'), not '{form.Languages[0]}'", form.Root.Location, form.Languages[0]);

        TranslationCheck.Report(form, problems);
    }
}
