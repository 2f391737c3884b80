using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Localization;
using Sozialplattform.Web.Components.Form;

namespace Sozialplattform.Web.Components.Fields;

/// <summary>The options of a choice field (from the definition or its code list) or, for yes/no, "yes" and "no" in the citizen's language.</summary>
public static class FieldOptions
{
    public static IReadOnlyList<Option> Of(FieldModel model, string language) =>
        model.Field.Options.Count > 0 || model.Field.Type.Name != "yesNo"
            ? model.Field.Options
            : [Engine("true", "value.yes", language), Engine("false", "value.no", language)];

    private static Option Engine(string code, string key, string language) =>
        new(code, new LocalizedText(new Dictionary<string, string> { [language] = Localizer.Default.Text(key, language) }), LocalizedText.Empty);
}
