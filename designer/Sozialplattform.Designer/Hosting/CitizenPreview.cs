namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// The citizen portal's renderer, lent to the designer's preview by the host (the designer cannot reference the
/// portal: the portal hosts the designer). <see cref="FieldComponent"/> renders one field exactly as the portal does
/// and takes the parameters <c>Field</c> (FieldDefinition), <c>State</c> (ElementState), <c>Language</c> (string) and
/// <c>Errors</c> (IReadOnlyList&lt;string&gt;); <see cref="Stylesheet"/> styles it inside the preview only.
/// Without it (a stand-alone designer) the preview uses its own simple inputs. <see cref="ServicePage"/>, when given,
/// renders the service page's texts as the portal does, with the parameters <c>Title</c>, <c>Description</c>
/// (LocalizedText), <c>Info</c> (ServiceInformation), <c>RequiredDocuments</c> (IReadOnlyList&lt;LocalizedText&gt;) and
/// <c>Language</c> (string); without it the service texts panel shows them as plain text.
/// </summary>
public sealed record CitizenPreview(Type FieldComponent, string Stylesheet, Type? ServicePage = null);
