namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// The citizen portal's renderer, lent to the designer's preview by the host (the designer cannot reference the
/// portal: the portal hosts the designer). <see cref="FieldComponent"/> renders one field exactly as the portal does
/// and takes the parameters <c>Field</c> (FieldDefinition), <c>State</c> (ElementState), <c>Language</c> (string) and
/// <c>Errors</c> (IReadOnlyList&lt;string&gt;); <see cref="Stylesheet"/> styles it inside the preview only.
/// Without it (a stand-alone designer) the preview uses its own simple inputs.
/// </summary>
public sealed record CitizenPreview(Type FieldComponent, string Stylesheet);
