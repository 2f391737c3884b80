using Microsoft.AspNetCore.Components;
using Sozialplattform.Web.Components.Layout;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Components.Form;

/// <summary>
/// Label (or legend for groups of inputs), hint, help, error and warning of a field around its input(s), tied to them
/// with <c>for</c>/<c>aria-describedby</c>. Rendered inline by the field components, not as a component of its own:
/// a page of 50 fields then builds 50 components instead of 100.
/// </summary>
public static class FieldShell
{
    /// <param name="grouped">Radio buttons, checkboxes and addresses are several inputs: a fieldset with a legend.</param>
    public static RenderFragment Render(FieldModel model, PortalRequest r, RenderFragment input, bool grouped = false) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", model.HasError ? "field field--error" : "field");
        builder.AddAttribute(2, "data-path", model.Path);
        builder.AddAttribute(3, "data-el", model.Field.Ordinal);
        builder.AddAttribute(4, "hidden", !model.State.Visible);
        if (grouped)
        {
            builder.OpenElement(5, "fieldset");
            builder.AddAttribute(6, "class", "field__fieldset");
            builder.AddAttribute(7, "aria-describedby", model.DescribedBy);
            builder.OpenElement(8, "legend");
            builder.AddAttribute(9, "class", "field__label");
            builder.AddContent(10, Caption(model, r));
            builder.CloseElement();
            builder.AddContent(11, FieldMessages.Render(model, r));
            builder.AddContent(12, input);
            builder.CloseElement();
        }
        else
        {
            builder.OpenElement(13, "label");
            builder.AddAttribute(14, "class", "field__label");
            builder.AddAttribute(15, "for", model.Id);
            builder.AddContent(16, Caption(model, r));
            builder.CloseElement();
            builder.AddContent(17, FieldMessages.Render(model, r));
            builder.AddContent(18, input);
        }

        builder.CloseElement();
    };

    /// <summary>The label text and the "(optional)" marker the browser rules show and hide.</summary>
    private static RenderFragment Caption(FieldModel model, PortalRequest r) => builder =>
    {
        builder.AddContent(0, DefText.Render(model.Field.Caption, r.Lang));
        builder.AddContent(1, " ");
        builder.OpenElement(2, "span");
        builder.AddAttribute(3, "class", "field__optional");
        builder.AddAttribute(4, "data-optional", true);
        builder.AddAttribute(5, "hidden", model.State.Required);
        // A soft-required field is not "optional": its warning says it is missing, so the marker says it may follow later.
        builder.AddContent(6, $"({r.T(model.Field.SoftRequired ? "field.later" : "field.optional")})");
        builder.CloseElement();
    };
}
