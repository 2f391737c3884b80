using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Sozialplattform.Web.Components.Fields;

namespace Sozialplattform.Web.Components.Form;

/// <summary>
/// Renders one field with the component its render hints ask for (<see cref="FieldComponentRegistry"/>); computed,
/// read-only and fixed prefilled fields show their value (<see cref="ComputedOutput"/>). Pages use <see cref="Render"/> inline; the
/// component is for hosts that show a single field (e.g. a preview).
/// </summary>
public sealed class FieldHost : ComponentBase
{
    [Inject] public FieldComponentRegistry Registry { get; set; } = null!;

    [Parameter, EditorRequired] public FieldModel Model { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder) => Render(Registry, Model)(builder);

    public static Type ComponentFor(FieldComponentRegistry registry, FieldModel model) =>
        model.Field.IsComputed || model.Field.ReadOnly || model.Fixed ? typeof(ComputedOutput) : registry.For(model.Hints.Input);

    public static RenderFragment Render(FieldComponentRegistry registry, FieldModel model) => builder =>
    {
        builder.OpenComponent(0, ComponentFor(registry, model));
        builder.AddComponentParameter(1, nameof(Model), model);
        builder.CloseComponent();
    };
}
