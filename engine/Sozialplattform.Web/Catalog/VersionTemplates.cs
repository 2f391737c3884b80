using Sozialplattform.Documents.Templating;

namespace Sozialplattform.Web.Catalog;

/// <summary>The templates of one form version (its service files under <c>templates/</c>), for <see cref="TemplateLocator"/>'s order.</summary>
public static class VersionTemplates
{
    /// <summary>The templates stored with <paramref name="formId"/> <paramref name="version"/>; null when this host does not know the version.</summary>
    public static ServiceTemplates? Of(FormCatalog catalog, string formId, string version) =>
        catalog.Find(formId, version) is { } form ? new ServiceTemplates($"{formId}/{version}", form.ServiceFile) : null;
}
