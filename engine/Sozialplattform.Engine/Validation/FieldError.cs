using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Localization;

namespace Sozialplattform.Engine.Validation;

/// <summary>
/// One finding about the answers, as data: the JSON path of the answer (<c>kinder[1].geburtsdatum</c>), a code
/// (<c>maxDate</c>) and its arguments. Turned into text per language with <see cref="Text"/>.
/// </summary>
public sealed record FieldError(string Path, string Code, IReadOnlyDictionary<string, object?> Args, Severity Severity)
{
    /// <summary>The element the finding is about (its label goes into the message); null for form-level findings.</summary>
    public ElementDefinition? Element { get; init; }

    /// <summary>The definition's own message (validations, field <c>messages</c>), if any.</summary>
    public LocalizedText? Message { get; init; }

    /// <summary>Fallback label when there is no element (e.g. a declaration's text).</summary>
    public LocalizedText? Label { get; init; }

    public string Text(string language, Localizer? localizer = null)
    {
        localizer ??= Localizer.Default;
        var label = (Element?.Caption ?? Label)?.Get(language) ?? Path;
        if (string.IsNullOrEmpty(label)) label = Path;
        return localizer.Message(Code, Args, label, language, Message);
    }

    public override string ToString() => $"{Path}: {Code}";
}
