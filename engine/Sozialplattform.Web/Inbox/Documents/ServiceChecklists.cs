using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sozialplattform.Catalog;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Inbox.Documents;

/// <summary>
/// The checklist a service declares for its cases, in <c>checklist.json</c> beside its <c>form.json</c>:
/// <c>{"items": [{"id": "identitaet", "label": {"de": "Identität geprüft", "en": "Identity checked"}}]}</c>. Ids are
/// a-z, 0-9 and '-'. A file that cannot be read gives no checklist and one warning in the log (the case stays workable).
/// </summary>
public sealed class ServiceChecklists(FormCatalog catalog, ILogger<ServiceChecklists> log)
{
    public const string FileName = CaseWorkFiles.ChecklistFileName;
    private readonly ConcurrentDictionary<string, IReadOnlyList<ChecklistItem>> _byVersion = new(StringComparer.Ordinal);

    public IReadOnlyList<ChecklistItem> Of(string formId, string version) => _byVersion.GetOrAdd($"{formId}@{version}", _ => Read(formId, version));

    private IReadOnlyList<ChecklistItem> Read(string formId, string version)
    {
        if (catalog.Find(formId, version) is not { } form) return [];
        var path = $"{formId}/{version}/{FileName}";
        try
        {
            // The folder's file, or for a version published in the designer the one stored with it; the same check
            // as the bundle import's (CaseWorkFiles), so what one accepts the other reads.
            if (form.ServiceFile(FileName) is not { } text) return [];
            return CaseWorkFiles.ReadChecklist(System.Text.Encoding.UTF8.GetBytes(text), path).Select(item => new ChecklistItem(item.Id, LocalizedJson.Read(item.Label))).ToList();
        }
        catch (Exception error) when (error is CatalogException or IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            log.LogWarning("No checklist for {Form}@{Version}: {Problem}", formId, version, error.Message);
            return [];
        }
    }
}

/// <summary>One declared item of a service's checklist.</summary>
public sealed record ChecklistItem(string Id, LocalizedText Label);
