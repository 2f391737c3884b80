using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// One saved state of a tenant's routing for one service, edited in the designer (table <c>tenant_routing_edits</c>): the
/// kind of authority (<see cref="Role"/>) and the answer rules, as <c>routing.json</c>'s <c>services</c> entry and
/// <c>answerRules</c> for that service would say. Rows are only added — revision 1, 2, … per tenant and service, so the
/// newest row is what counts and the older ones are the record of who changed what when.
/// </summary>
public sealed class TenantRoutingEditRow
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string Service { get; set; }
    public int Revision { get; set; }
    public string Role { get; set; } = "";

    /// <summary>A JSON array of <c>{ "answer": "…", "values": ["…"], "role": "…" }</c>, tried in order.</summary>
    public string AnswerRulesJson { get; set; } = "[]";

    public string SavedBy { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

/// <summary>
/// The routing edits every host of one database shares. A save names the revision it started from and inserts the next
/// one; the unique key (tenant, service, revision) lets exactly one of two saves from the same revision win, on one host
/// or several.
/// </summary>
public sealed class TenantRoutingEdits(OperationsDatabase database)
{
    /// <summary>The newest edit of each service of the tenant.</summary>
    public async Task<IReadOnlyList<TenantRoutingEditRow>> LatestAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.TenantRoutingEdits.AsNoTracking().Where(e => e.TenantId == tenantId).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(e => e.Service, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.Revision)!)];
    }

    /// <summary>Every saved state of one service, newest first.</summary>
    public async Task<IReadOnlyList<TenantRoutingEditRow>> HistoryAsync(string tenantId, string service, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.TenantRoutingEdits.AsNoTracking().Where(e => e.TenantId == tenantId && e.Service == service).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(e => e.Revision)];
    }

    /// <summary>Adds <paramref name="edit"/> as revision <paramref name="expectedRevision"/> + 1; false when someone saved that revision first.</summary>
    public async Task<bool> TrySaveAsync(TenantRoutingEditRow edit, int expectedRevision, CancellationToken cancellationToken = default)
    {
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        var newest = await context.TenantRoutingEdits.Where(e => e.TenantId == edit.TenantId && e.Service == edit.Service)
            .MaxAsync(e => (int?)e.Revision, cancellationToken) ?? 0;
        if (newest != expectedRevision) return false;
        edit.Id = 0;
        edit.Revision = expectedRevision + 1;
        context.TenantRoutingEdits.Add(edit);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another save took this revision between the read and the insert
        }
    }
}

/// <summary>
/// A service's routing as edited in the designer: the kind of authority and the answer rules, in place of the tenant
/// folder's <c>services</c> entry and <c>answerRules</c> for that service. The assignments (who has a role where) stay
/// the tenant's files.
/// </summary>
public sealed record ServiceRoutingEdit(string Service, string Role, IReadOnlyList<EditedAnswerRule> AnswerRules, int Revision, string SavedBy, DateTime SavedAt)
{
    public static IReadOnlyList<EditedAnswerRule> ReadRules(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>().Select(rule => new EditedAnswerRule(
            rule["answer"]?.GetValue<string>() ?? "",
            [.. (rule["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "")],
            rule["role"]?.GetValue<string>() ?? "")
        {
            Formerly = [.. (rule["formerly"] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "").Where(v => v.Length > 0)],
        }).ToList();

    public static string WriteRules(IEnumerable<EditedAnswerRule> rules) =>
        new JsonArray([.. rules.Select(r => (JsonNode)new JsonObject
        {
            ["answer"] = r.Answer,
            ["values"] = new JsonArray([.. r.Values.Select(v => (JsonNode?)JsonValue.Create(v))]),
            ["role"] = r.Role,
            ["formerly"] = r.Formerly.Count == 0 ? null : new JsonArray([.. r.Formerly.Select(v => (JsonNode?)JsonValue.Create(v))]),
        })]).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>
/// When the answer at <see cref="Answer"/> is one of <see cref="Values"/>, the application goes to <see cref="Role"/>.
/// <see cref="Formerly"/>: the paths the same answer had in earlier versions of the form (a key renamed and published),
/// so that an application of an earlier version, still being filled in when the new one was published, is routed alike.
/// </summary>
public sealed record EditedAnswerRule(string Answer, IReadOnlyList<string> Values, string Role)
{
    public IReadOnlyList<string> Formerly { get; init; } = [];

    /// <summary>The answer path of this version and those of earlier versions.</summary>
    public IEnumerable<string> Paths => [Answer, .. Formerly];
}
