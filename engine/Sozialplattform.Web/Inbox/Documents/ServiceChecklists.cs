using System.Collections.Concurrent;
using System.Text.RegularExpressions;
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
public sealed partial class ServiceChecklists(FormCatalog catalog, ILogger<ServiceChecklists> log)
{
    public const string FileName = "checklist.json";
    private readonly ConcurrentDictionary<string, IReadOnlyList<ChecklistItem>> _byVersion = new(StringComparer.Ordinal);

    public IReadOnlyList<ChecklistItem> Of(string formId, string version) => _byVersion.GetOrAdd($"{formId}@{version}", _ => Read(formId, version));

    private IReadOnlyList<ChecklistItem> Read(string formId, string version)
    {
        if (catalog.Find(formId, version) is not { } form) return [];
        var path = $"{formId}/{version}/{FileName}";
        try
        {
            // The folder's file, or for a version published in the designer the one stored with it.
            if (form.ServiceFile(FileName) is not { } text) return [];
            var items = CatalogJson.Objects(CatalogJson.Parse(System.Text.Encoding.UTF8.GetBytes(text), path)["items"])
                .Select(item => new ChecklistItem(CatalogJson.String(item, "id") ?? "", LocalizedJson.Read(item["label"]))).ToList();
            if (items.FirstOrDefault(i => !ValidId().IsMatch(i.Id)) is { } bad) throw new CatalogException($"{path}: the item id '{bad.Id}' is not a-z, 0-9 and '-'");
            if (items.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new CatalogException($"{path}: the item id '{twice.Key}' is declared twice");
            return items;
        }
        catch (Exception error) when (error is CatalogException or IOException or System.Text.Json.JsonException)
        {
            log.LogWarning("No checklist for {Form}@{Version}: {Problem}", formId, version, error.Message);
            return [];
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex ValidId();
}

/// <summary>One declared item of a service's checklist.</summary>
public sealed record ChecklistItem(string Id, LocalizedText Label);
