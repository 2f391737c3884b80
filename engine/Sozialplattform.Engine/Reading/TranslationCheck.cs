using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>Finds texts that lack one of the form's declared languages (a warning for <c>validate</c>, an error for the catalog lint).</summary>
public static class TranslationCheck
{
    public static IEnumerable<(string What, string Language, SourceLocation Location)> MissingTranslations(FormDefinition form) =>
        Missing(form).Select(m => (m.What, m.Language, m.Location));

    /// <summary>
    /// Each missing text with its problem key (<see cref="DefinitionProblemCodes"/>, <c>translation-missing.*</c>) and the
    /// arguments that name it (after language and count).
    /// </summary>
    private static IEnumerable<(string What, string Key, string[] Names, string Language, SourceLocation Location)> Missing(FormDefinition form)
    {
        foreach (var language in form.Languages)
        {
            if (!form.Title.Has(language)) yield return ("the form title", DefinitionProblemCodes.TranslationMissingTitle, [], language, form.Root.Location);
            foreach (var page in form.Pages)
                if (!page.Title.Has(language)) yield return ($"the title of page '{page.Id}'", DefinitionProblemCodes.TranslationMissingPageTitle, [page.Id], language, page.Location);
            foreach (var element in form.AllElements())
            {
                var path = element.PathTemplate;
                if (!element.Caption.IsEmpty && !element.Caption.Has(language)) yield return ($"the label of '{path}'", DefinitionProblemCodes.TranslationMissingLabel, [path], language, element.Location);
                if (!element.Hint.IsEmpty && !element.Hint.Has(language)) yield return ($"the hint of '{path}'", DefinitionProblemCodes.TranslationMissingHint, [path], language, element.Location);
                if (element is FieldDefinition field)
                    foreach (var option in field.Options.Where(o => !o.Label.Has(language)))
                        yield return ($"option '{option.Code}' of '{path}'", DefinitionProblemCodes.TranslationMissingOption, [option.Code, path], language, element.Location);
                foreach (var validation in element.Validations.Where(v => !v.Message.Has(language)))
                    yield return ($"a validation message of '{path}'", DefinitionProblemCodes.TranslationMissingValidation, [path], language, validation.When.Location);
            }

            foreach (var (property, text) in form.ServiceInfo.Entries.Where(e => !e.Text.IsEmpty && !e.Text.Has(language)))
                yield return ($"serviceInfo.{property}", DefinitionProblemCodes.TranslationMissingServiceInfo, [property], language, form.Root.Location);
            foreach (var declaration in form.Declarations.Where(d => !d.Text.Has(language)))
                yield return ($"declaration '{declaration.Key}'", DefinitionProblemCodes.TranslationMissingDeclaration, [declaration.Key], language, declaration.Location);
        }
    }

    internal static void Report(FormDefinition form, ProblemList problems)
    {
        foreach (var group in Missing(form).GroupBy(m => m.Language))
        {
            var first = group.First();
            var count = group.Count();
            var more = count > 1 ? $" and {count - 1} more text(s)" : "";
            problems.Warning(first.Key, $"no '{group.Key}' text for {first.What}{more}", first.Location,
                [group.Key, count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. first.Names]);
        }
    }
}
