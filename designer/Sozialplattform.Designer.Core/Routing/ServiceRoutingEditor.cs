using System.Text.Json.Nodes;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Routing;

/// <summary>Where a service's routing comes from.</summary>
public enum RoutingSource
{
    /// <summary>Neither the tenant's routing.json nor the designer assigns it: no authority gets its applications.</summary>
    None,
    TenantFile,
    Designer,
}

/// <summary>A service's routing at one tenant: the kind of authority, the answer rules, and where that is kept.</summary>
public sealed record CurrentRouting(string? Role, IReadOnlyList<EditedAnswerRule> Rules, RoutingSource Source, int Revision, string? SavedBy = null, DateTime? SavedAt = null);

public enum RoutingEditCode
{
    NotSignedIn,
    NotEditor,
    NoStore,
    UnknownTenant,
    NoRole,
    UnknownRole,
    UnknownAnswer,
    NoValues,
    UnknownValue,
    TooMany,
    NoForm,
    Conflict,
}

/// <summary>Why a routing edit was refused; <see cref="Rule"/> counts answer rules from 1 (0: not about a rule).</summary>
public sealed record RoutingEditProblem(RoutingEditCode Code, string Detail = "", int Rule = 0);

/// <summary>
/// A tenant's routing of one service, edited in the designer: which kind of authority is responsible and which answers
/// send it to another. What the tenant folder says (<c>routing.json</c> <c>services</c> and <c>answerRules</c>) is the
/// start; a save is a new revision in <c>tenant_routing_edits</c>, which the router of every host uses instead for that
/// service. Who has a role where (assignments, authorities, Gemeinden) stays the operator's files. Only Redaktion saves,
/// checked against the author store at the save, and the role and every rule are checked like the tenant loader and the
/// catalog lint check the file.
/// </summary>
public sealed class ServiceRoutingEditor(ServiceRouting folders, AuthorAccounts authors, TenantRoutingEdits? edits)
{
    public const int MaxRules = 20;

    public bool CanSave => edits is not null;

    public IReadOnlyList<string> Tenants() => !Directory.Exists(folders.TenantsFolder) ? []
        : [.. Directory.GetDirectories(folders.TenantsFolder).Where(d => File.Exists(Path.Combine(d, "routing.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The kinds of authority the tenant has somewhere (roles with at least one assignment), in order.</summary>
    public IReadOnlyList<string> Roles(string tenant) =>
        [.. (RoutingFile(tenant)?["assignments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => a["role"]?.ToString()).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public async Task<CurrentRouting> CurrentAsync(string tenant, string formId, IReadOnlyList<string> leikaKeys, CancellationToken cancellationToken = default)
    {
        string[] keys = [formId, .. leikaKeys];
        if (edits is not null)
        {
            var edited = (await edits.LatestAsync(tenant, cancellationToken)).Where(e => keys.Contains(e.Service)).OrderBy(e => Array.IndexOf(keys, e.Service)).FirstOrDefault();
            if (edited is not null)
                return new CurrentRouting(edited.Role, ServiceRoutingEdit.ReadRules(edited.AnswerRulesJson), RoutingSource.Designer, edited.Revision, edited.SavedBy, edited.SavedAt);
        }

        var file = RoutingFile(tenant);
        var role = keys.Select(k => (file?["services"] as JsonObject)?[k]?.ToString()).FirstOrDefault(r => r is not null);
        var rules = (file?["answerRules"] as JsonArray ?? []).OfType<JsonObject>().Where(r => keys.Contains(r["service"]?.ToString()))
            .Select(r => new EditedAnswerRule(r["answer"]?.ToString() ?? "", [.. (r["values"] as JsonArray ?? []).Select(v => v?.ToString() ?? "")], r["role"]?.ToString() ?? "")).ToList();
        return new CurrentRouting(role, rules, role is null && rules.Count == 0 ? RoutingSource.None : RoutingSource.TenantFile, 0);
    }

    /// <summary>
    /// The tenants at which the form's applications reach an authority — by a kind of authority or an answer rule, saved
    /// in the designer or in the tenant's file; what the publish panel names (a form routed only in the designer is routed).
    /// </summary>
    public async Task<IReadOnlyList<string>> RoutedTenantsAsync(string formId, IReadOnlyList<string> leikaKeys, CancellationToken cancellationToken = default)
    {
        var routed = new List<string>();
        foreach (var tenant in Tenants())
            if (await CurrentAsync(tenant, formId, leikaKeys, cancellationToken) is { } current && (current.Role is { Length: > 0 } || current.Rules.Count > 0))
                routed.Add(tenant);
        return routed;
    }

    /// <summary>Every saved state of the service's routing at the tenant, newest first (who and when).</summary>
    public async Task<IReadOnlyList<TenantRoutingEditRow>> HistoryAsync(string tenant, string formId, CancellationToken cancellationToken = default) =>
        edits is null ? [] : await edits.HistoryAsync(tenant, formId, cancellationToken);

    /// <summary>
    /// Saves the service's routing as the next revision after <paramref name="expectedRevision"/>; the problems when
    /// refused (nothing written). <paramref name="form"/> is the form the answer rules are checked against.
    /// </summary>
    public async Task<IReadOnlyList<RoutingEditProblem>> SaveAsync(string login, string tenant, string formId, string role, IReadOnlyList<EditedAnswerRule> rules,
        int expectedRevision, FormDefinition? form, CancellationToken cancellationToken = default)
    {
        var account = authors.Find(login);
        if (account is null) return [new(RoutingEditCode.NotSignedIn)];
        if (account.Role != AuthorRole.Editor) return [new(RoutingEditCode.NotEditor)];
        if (edits is null) return [new(RoutingEditCode.NoStore)];
        if (!Tenants().Contains(tenant, StringComparer.Ordinal)) return [new(RoutingEditCode.UnknownTenant, tenant)];
        var problems = Check(tenant, role, rules, form);
        if (problems.Count > 0) return problems;
        var saved = await edits.TrySaveAsync(new TenantRoutingEditRow
        {
            TenantId = tenant, Service = formId, Role = role, AnswerRulesJson = ServiceRoutingEdit.WriteRules(rules), SavedBy = login, SavedAt = DateTime.UtcNow,
        }, expectedRevision, cancellationToken);
        if (saved) return [];
        var newest = (await edits.HistoryAsync(tenant, formId, cancellationToken)).FirstOrDefault();
        return [new(RoutingEditCode.Conflict, newest?.SavedBy ?? "jemand")];
    }

    /// <summary>The role must have an office somewhere at the tenant; each rule a choice field of the form outside repeating groups and its codes.</summary>
    public IReadOnlyList<RoutingEditProblem> Check(string tenant, string role, IReadOnlyList<EditedAnswerRule> rules, FormDefinition? form)
    {
        var roles = Roles(tenant);
        var problems = new List<RoutingEditProblem>();
        if (string.IsNullOrWhiteSpace(role)) problems.Add(new(RoutingEditCode.NoRole));
        else if (!roles.Contains(role, StringComparer.Ordinal)) problems.Add(new(RoutingEditCode.UnknownRole, role));
        if (rules.Count > MaxRules) return [.. problems, new(RoutingEditCode.TooMany)];
        if (rules.Count > 0 && form is null) return [.. problems, new(RoutingEditCode.NoForm)];
        for (var i = 0; i < rules.Count; i++)
        {
            var (rule, number) = (rules[i], i + 1);
            var field = ChoiceFields(form!).FirstOrDefault(f => f.PathTemplate == rule.Answer);
            if (field is null) problems.Add(new(RoutingEditCode.UnknownAnswer, rule.Answer, number));
            if (rule.Values.Count == 0) problems.Add(new(RoutingEditCode.NoValues, "", number));
            if (field is not null)
                problems.AddRange(rule.Values.Where(v => field.Options.All(o => o.Code != v)).Select(v => new RoutingEditProblem(RoutingEditCode.UnknownValue, v, number)));
            if (string.IsNullOrWhiteSpace(rule.Role)) problems.Add(new(RoutingEditCode.NoRole, "", number));
            else if (!roles.Contains(rule.Role, StringComparer.Ordinal)) problems.Add(new(RoutingEditCode.UnknownRole, rule.Role, number));
        }

        return problems;
    }

    /// <summary>The fields an answer rule can read: choices (inline or code list) outside repeating groups.</summary>
    public static IEnumerable<FieldDefinition> ChoiceFields(FormDefinition form) =>
        form.AllFields().Where(f => f.Options.Count > 0 && f.RepeatDepth == 0);

    private JsonObject? RoutingFile(string tenant)
    {
        if (tenant.IndexOfAny(['/', '\\']) >= 0 || tenant is "." or "..") return null;
        var file = Path.Combine(folders.TenantsFolder, tenant, "routing.json");
        if (!File.Exists(file)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the portal's start refuses a broken file; here it offers nothing
        }
    }
}
