using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Components.Layout;

/// <summary>
/// A text of the definition: in the citizen's language, else German — then marked with <c>lang="de"</c> for screen
/// readers. Field components call <see cref="Render"/> directly: on a 50-field page one component less per text
/// is a measurable part of the rendering time.
/// </summary>
public sealed class DefText : ComponentBase
{
    [Inject] public PortalRequest R { get; set; } = null!;

    [Parameter, EditorRequired] public LocalizedText Value { get; set; } = LocalizedText.Empty;

    /// <summary>Replaces "{n}" (row labels).</summary>
    [Parameter] public string? Number { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => Render(Value, R.Lang, Number)(builder);

    public static RenderFragment Render(LocalizedText value, string language, string? number = null) => builder =>
    {
        var (text, textLanguage) = value.Resolve(language);
        if (number is not null) text = text.Replace("{n}", number, StringComparison.Ordinal);
        if (textLanguage == language)
        {
            builder.AddContent(0, text);
            return;
        }

        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "lang", textLanguage);
        builder.AddAttribute(3, "dir", "ltr");
        builder.AddContent(4, text);
        builder.CloseElement();
    };
}
