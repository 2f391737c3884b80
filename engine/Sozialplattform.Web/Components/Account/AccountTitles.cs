using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Components.Account;

/// <summary>The title a draft or application is listed under: its form version's, else the form's latest, else the stored one.</summary>
internal static class AccountTitles
{
    public static LocalizedText Of(FormCatalog catalog, string formId, string? version, string? stored) =>
        (version is null ? null : catalog.Find(formId, version))?.Definition.Title
        ?? catalog.Latest(formId)?.Definition.Title
        ?? LocalizedText.German(stored ?? formId);
}
