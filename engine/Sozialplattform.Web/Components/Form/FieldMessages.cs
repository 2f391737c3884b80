using Microsoft.AspNetCore.Components;
using Sozialplattform.Web.Components.Layout;
using Sozialplattform.Web.Localization;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Components.Form;

/// <summary>Hint, help, error and warning of a field, with the ids its input's <c>aria-describedby</c> names (rendered inline, not as a component of its own).</summary>
public static class FieldMessages
{
    public static RenderFragment Render(FieldModel model, PortalRequest r) => builder =>
    {
        if (model.HasHint)
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "class", "hint");
            builder.AddAttribute(2, "id", FieldIds.Hint(model.Path));
            builder.AddContent(3, DefText.Render(model.Field.Hint, r.Lang));
            builder.CloseElement();
        }

        if (r.Prefilled.TryGetValue(model.Path, out var level))
        {
            builder.OpenElement(5, "p");
            builder.AddAttribute(6, "class", "hint hint--identity");
            builder.AddContent(7, r.T(model.Field.PrefillEditable ? "field.prefilled" : "field.prefilledFixed", r.T("level." + level.ToLowerInvariant())));
            builder.CloseElement();
        }

        if (!model.Field.Help.IsEmpty)
        {
            builder.OpenElement(10, "details");
            builder.AddAttribute(11, "class", "help");
            builder.OpenElement(12, "summary");
            builder.AddContent(13, r.T("field.help"));
            builder.CloseElement();
            builder.OpenComponent<Markdown>(14);
            builder.AddComponentParameter(15, nameof(Markdown.Value), model.Field.Help);
            builder.CloseComponent();
            builder.CloseElement();
        }

        if (model.HasError) builder.AddContent(20, Message("field__error", FieldIds.Error(model.Path), r.T("error.prefix"), model.Errors));
        if (model.Warnings.Count > 0) builder.AddContent(21, Message("field__warning", model.Id + "-warning", r.T("warning.prefix"), model.Warnings));
    };

    private static RenderFragment Message(string cssClass, string id, string prefix, IReadOnlyList<string> texts) => builder =>
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "id", id);
        builder.OpenElement(3, "span");
        builder.AddAttribute(4, "class", "visually-hidden");
        builder.AddContent(5, prefix + " ");
        builder.CloseElement();
        builder.AddContent(6, string.Join(" ", texts));
        builder.CloseElement();
    };
}
