using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Tenants;

namespace Sozialplattform.Catalog.Lint;

/// <summary>
/// The lint of what a tenant ties to the forms of the catalog and could silently stop reaching when a form gets a new
/// version: the answers its routing rules read, and its text overrides.
/// </summary>
public sealed partial class CatalogLinter
{
    /// <summary>
    /// Each <c>answerRules</c> entry of routing.json must name a field of the service's newest form, and its values must be
    /// codes of that field's options — otherwise the rule would never match and the service would silently keep its usual role.
    /// </summary>
    private void LintAnswerRules(string tenant)
    {
        var file = $"tenants/{tenant}/routing.json";
        if (!File.Exists(_catalog.FullPath(file)) || Read(file)?["answerRules"] is not JsonArray rules) return;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule || CatalogJson.String(rule, "service") is not { } service || CatalogJson.String(rule, "answer") is not { } answer) continue;
            var where = $"answerRules[{i}]";
            var newest = _catalog.Forms().Where(f => f.Id == service).MaxBy(f => SemanticVersion.Parse(f.Version));
            if (newest is null) { Error(file, where, LintCodes.RoutingServiceUnknown, $"'{service}' is not a form of the catalog", service); continue; }
            if (Read(CatalogRoot.FormPath(newest)) is not { } form) continue;
            var field = FieldAt(form, answer.Split('.'));
            if (field is null) { Error(file, where, LintCodes.RoutingAnswerUnknown, $"'{answer}' is not a field of {newest.Id}@{newest.Version} (keys through groups, as in the answers)", answer, $"{newest.Id}@{newest.Version}"); continue; }
            if (OptionCodes(form, field) is not { } codes) continue;
            foreach (var value in (rule["values"] as JsonArray ?? []).Select(v => v?.ToString()).OfType<string>().Where(v => !codes.Contains(v)))
                Error(file, where, LintCodes.RoutingOptionUnknown, $"'{value}' is not an option of '{answer}' in {newest.Id}@{newest.Version} (options: {string.Join(", ", codes)})", value, answer, $"{newest.Id}@{newest.Version}", string.Join(", ", codes));
        }
    }

    /// <summary>The item at a key path through groups (as in the answers), blocks expanded; null when there is none.</summary>
    private JsonObject? FieldAt(JsonObject form, string[] keys)
    {
        var items = CatalogJson.Objects(form["pages"]).SelectMany(p => new FormTree(_catalog).Items(p["items"])).ToList();
        ItemNode? found = null;
        foreach (var key in keys)
        {
            found = items.FirstOrDefault(i => i.Key == key);
            if (found is null) return null;
            items = [.. found.Children];
        }

        return found?.Json;
    }

    /// <summary>The option codes of a choice field (inline or from its code list); null for a field without options.</summary>
    private HashSet<string>? OptionCodes(JsonObject form, JsonObject field)
    {
        if (field["options"] is JsonArray inline) return CatalogJson.Objects(inline).Select(o => CatalogJson.String(o, "code")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (CatalogJson.String(field, "codeList") is not { } reference) return null;
        var list = CatalogJson.Objects(form["codeLists"]).FirstOrDefault(c => $"{CatalogJson.String(c, "id")}@{CatalogJson.String(c, "version")}" == reference);
        if (list is null)
        {
            try
            {
                var path = _catalog.FullPath(CatalogRoot.CodeListPath(CatalogReference.Parse(reference)));
                if (File.Exists(path)) list = CatalogJson.ReadObject(path);
            }
            catch (CatalogException)
            {
                return null; // the form's own lint reports the bad reference
            }
        }

        return list is null ? null : CatalogJson.Objects(list["items"]).Select(o => CatalogJson.String(o, "code")).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Overrides pinned to a version that is no longer the newest reach no new application; and an override that gives a
    /// text in fewer languages than the form declares leaves those readers with the catalog's text. Both are warnings:
    /// the portal still works, but not as the tenant meant.
    /// </summary>
    private void LintOverrideReach(TenantTexts texts, string file)
    {
        var newest = _catalog.Forms().Where(f => f.Id == texts.FormId).MaxBy(f => SemanticVersion.Parse(f.Version));
        if (newest is null) return;
        if (texts.Version is { } pinned && pinned != newest.Version)
            Warn(file, "version", LintCodes.OverridesPinned, $"tenant '{texts.Tenant}': the overrides of form '{texts.FormId}' are pinned to version {pinned}, but the newest version is {newest.Version}: new applications show the catalog's texts; move the overrides to {newest.Version}", texts.Tenant, texts.FormId, pinned.ToString(), newest.Version);
        if (Read(CatalogRoot.FormPath(newest)) is not { } form) return;
        var declared = (form["languages"] as JsonArray ?? []).Select(l => l?.ToString()).OfType<string>().ToList();
        foreach (var (address, languages) in texts.Texts)
        {
            var missing = declared.Where(l => !languages.ContainsKey(l)).ToList();
            if (missing.Count > 0)
                Warn(file, address, LintCodes.OverrideLanguagesMissing, $"tenant '{texts.Tenant}': the override has no {string.Join(", ", missing.Select(l => $"'{l}'"))} text, which {texts.FormId}@{newest.Version} declares: those readers see the catalog's text instead", texts.Tenant, string.Join(", ", missing), $"{texts.FormId}@{newest.Version}");
        }
    }
}
