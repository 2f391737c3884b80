using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Tenants;

namespace Sozialplattform.Catalog.Lint;

/// <summary>The lint of the tenant folders: pages, branding, text overrides and the services a tenant offers.</summary>
public sealed partial class CatalogLinter
{
    private void LintTenants()
    {
        var folder = _catalog.FullPath("tenants");
        if (!Directory.Exists(folder)) return;
        foreach (var tenant in Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            LintOfferedServices(tenant);
            LintAnswerRules(tenant);
            foreach (var (file, problem) in TenantPages.Problems(_catalog, tenant)) Error(file, "", LintCodes.Other, problem, problem);
            if (File.Exists(_catalog.FullPath($"tenants/{tenant}/branding.json")))
            {
                try { TenantBranding.Load(_catalog, tenant); }
                catch (CatalogException e) { Error($"tenants/{tenant}/branding.json", "", LintCodes.Other, e.Message, e.Message); }
            }
            IReadOnlyList<TenantTexts> all;
            try { all = TenantTexts.LoadAll(_catalog, tenant); }
            catch (CatalogException e) { Error($"tenants/{tenant}/texts", "", LintCodes.Other, e.Message, e.Message); continue; }
            foreach (var texts in all)
            {
                var file = $"tenants/{tenant}/texts/{texts.FormId}.json";
                LintOverrideReach(texts, file);
                var versions = _catalog.Forms().Where(f => f.Id == texts.FormId && (texts.Version is null || f.Version == texts.Version)).ToList();
                if (versions.Count == 0) { Error(file, "", LintCodes.OverrideFormUnknown, $"no form {texts.FormId}{(texts.Version is null ? "" : "@" + texts.Version)} in the catalog", texts.FormId + (texts.Version is null ? "" : "@" + texts.Version)); continue; }
                foreach (var version in versions)
                    if (Read(CatalogRoot.FormPath(version)) is { } definition)
                        foreach (var problem in TextOverrides.Check(definition, texts)) Error(file, version.ToString(), LintCodes.Other, problem, problem);
            }
        }
    }

    /// <summary>
    /// The services a tenant lists in tenant.json must be in the catalog, and each application among them must be mapped
    /// in its routing.json (by form id or LeiKa key) — otherwise the portal would offer a form that cannot be sent.
    /// </summary>
    private void LintOfferedServices(string tenant)
    {
        var file = $"tenants/{tenant}/tenant.json";
        if (!File.Exists(_catalog.FullPath(file)) || Read(file)?["services"] is not JsonArray services) return;
        var routed = Read($"tenants/{tenant}/routing.json")?["services"] as JsonObject;
        for (var i = 0; i < services.Count; i++)
        {
            var id = services[i] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            var latest = id is null ? null : _catalog.Forms().Where(f => f.Id == id).MaxBy(f => SemanticVersion.Parse(f.Version));
            if (latest is null)
            {
                Error(file, $"services[{i}]", LintCodes.OfferedServiceUnknown, $"'{id}' is not a form of the catalog", id ?? "");
                continue;
            }

            if (Read(CatalogRoot.FormPath(latest)) is not { } form || CatalogJson.String(form, "purpose") is "questionnaire" or "contactRequest") continue;
            var leikaKeys = (form["service"]?["leikaKeys"] as JsonArray ?? []).Select(k => k?.ToString()).OfType<string>();
            if (routed is null || !new[] { id! }.Concat(leikaKeys).Any(routed.ContainsKey))
                Error(file, $"services[{i}]", LintCodes.OfferedServiceUnrouted, $"'{id}' is offered, but tenants/{tenant}/routing.json maps no role to it: its applications could not be sent", id!, tenant);
        }
    }
}
