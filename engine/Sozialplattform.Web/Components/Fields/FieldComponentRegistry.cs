namespace Sozialplattform.Web.Components.Fields;

/// <summary>
/// Which component renders a field, chosen by the input kind its field type asks for (<c>RenderHints.Input</c>).
/// A kind nobody registered gets <see cref="UnknownField"/> — a visible notice, never a crash. Built-ins are
/// registered exactly like extensions.
/// </summary>
public sealed class FieldComponentRegistry
{
    private readonly Dictionary<string, Type> _components = new(StringComparer.Ordinal);

    public FieldComponentRegistry Add(string input, Type component)
    {
        if (!typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(component))
            throw new ArgumentException($"{component} is not a component", nameof(component));
        _components[input] = component;
        return this;
    }

    public Type For(string input) => _components.GetValueOrDefault(input) ?? typeof(UnknownField);

    public static FieldComponentRegistry WithBuiltIns() => new FieldComponentRegistry()
        .Add("text", typeof(TextInput))
        .Add("number", typeof(TextInput))
        .Add("email", typeof(TextInput))
        .Add("tel", typeof(TextInput))
        .Add("date", typeof(TextInput))
        .Add("textarea", typeof(TextAreaInput))
        .Add("radio", typeof(RadioInput))
        .Add("select", typeof(SelectInput))
        .Add("checkboxes", typeof(CheckboxesInput))
        .Add("switch", typeof(SwitchInput))
        .Add("file", typeof(FileInput))
        .Add("address", typeof(AddressInput))
        .Add("info", typeof(InfoBlock));
}
