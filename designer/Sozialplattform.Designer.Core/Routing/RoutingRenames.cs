using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Routing;

/// <summary>One switch publishing makes: the tenant's designer routing for the service, saved anew with the renamed answer paths.</summary>
public sealed record RoutingSwitch(string Tenant, int Revision, string Role, IReadOnlyList<EditedAnswerRule> Rules, IReadOnlyList<(string From, string To)> Answers);

/// <summary>What publishing a version does to the designer's routing: the switches, or the rules that keep it from being published (German).</summary>
public sealed record RoutingPublishPlan(IReadOnlyList<RoutingSwitch> Switches, IReadOnlyList<string> Problems)
{
    /// <summary>The definition the plan was made for (the saved draft), which the switched rules are checked against.</summary>
    public FormDefinition? Next { get; init; }
}

/// <summary>
/// Renamed answers and the answer rules Redaktion saved in the designer (<c>tenant_routing_edits</c>). The running portal
/// routes the answers of the *published* version by those rules, so a rename in the draft must not change them: the
/// rename is recorded with the draft (<c>renames/&lt;form&gt;/&lt;n&gt;.json</c> in the catalog's shared home, insert
/// only, with the draft's base version), and publishing the renamed version switches each rule that names an answer the
/// new version no longer has to the renamed path (as the publisher, a new revision). A rule that names an answer the new
/// version lacks and no recorded rename explains keeps the version from being published, with its tenant and answer.
/// Renames recorded on an earlier base version are not applied again, and a rename that was undone (the new version
/// still has the old answer) changes nothing.
/// </summary>
public sealed partial class RoutingRenames(FormWorkspace workspace, ServiceRoutingEditor editor)
{
    /// <summary>Records that the draft of <paramref name="formId"/> (based on <paramref name="baseVersion"/>) renamed the answer at <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Record(string formId, string? baseVersion, string from, string to, string author)
    {
        Names.CheckedFormId(formId);
        var content = new JsonObject { ["base"] = baseVersion ?? "", ["from"] = from, ["to"] = to, ["by"] = author };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var number = Saved(formId).Select(s => s.Number).DefaultIfEmpty(0).Max() + 1;
            if (workspace.AddCatalogFile(PathOf(formId, number), Encoding.UTF8.GetBytes(content.ToJsonString() + "\n"), author)) return true;
        }

        return false;
    }

    /// <summary>The renames the draft made since <paramref name="baseVersion"/>, in order (from → to, whole answer paths).</summary>
    public IReadOnlyList<(string From, string To)> Since(string formId, string? baseVersion) =>
        [.. Saved(formId).OrderBy(s => s.Number)
            .Select(s => workspace.CatalogFile(s.Path) is { } bytes ? JsonNode.Parse(bytes) as JsonObject : null)
            .OfType<JsonObject>()
            .Where(r => r["base"]?.ToString() == (baseVersion ?? ""))
            .Select(r => (r["from"]?.ToString() ?? "", r["to"]?.ToString() ?? ""))
            .Where(r => r.Item1.Length > 0 && r.Item2.Length > 0)];

    /// <summary>What publishing the form's saved draft does to the designer's routing (nothing without a draft or when it does not load).</summary>
    public async Task<RoutingPublishPlan> PlanDraftAsync(string formId, CancellationToken cancellationToken = default)
    {
        if (!editor.CanSave || workspace.Current(formId) is not { } draft) return new([], []);
        var text = Encoding.UTF8.GetString(draft.Content);
        if (FormEngine.LoadText(text, $"{formId}/draft", workspace.Catalog).Engine?.Definition is not { } next) return new([], []);
        var leika = (JsonNode.Parse(text)?["service"]?["leikaKeys"] as JsonArray ?? []).Select(k => k?.ToString()).OfType<string>().ToList();
        return await PlanAsync(formId, draft.BaseVersion, leika, next, cancellationToken) with { Next = next };
    }

    /// <summary>What publishing <paramref name="next"/> (the draft's definition) does to the tenants' designer routing of the form.</summary>
    public async Task<RoutingPublishPlan> PlanAsync(string formId, string? baseVersion, IReadOnlyList<string> leikaKeys, FormDefinition next, CancellationToken cancellationToken = default)
    {
        if (!editor.CanSave) return new([], []);
        var answers = ServiceRoutingEditor.ChoiceFields(next).Select(f => f.PathTemplate).ToHashSet(StringComparer.Ordinal);
        var renames = Since(formId, baseVersion);
        var switches = new List<RoutingSwitch>();
        var problems = new List<string>();
        foreach (var tenant in editor.Tenants())
        {
            var current = await editor.CurrentAsync(tenant, formId, leikaKeys, cancellationToken);
            if (current.Source != RoutingSource.Designer) continue;
            var rules = new List<EditedAnswerRule>();
            var switched = new List<(string, string)>();
            foreach (var rule in current.Rules)
            {
                if (answers.Contains(rule.Answer))
                {
                    rules.Add(rule);
                    continue;
                }

                var renamed = Follow(rule.Answer, renames);
                if (renamed != rule.Answer && answers.Contains(renamed))
                {
                    rules.Add(rule with { Answer = renamed, Formerly = [.. rule.Formerly.Append(rule.Answer).Distinct(StringComparer.Ordinal)] });
                    switched.Add((rule.Answer, renamed));
                }
                else problems.Add($"Die Zuständigkeitsregel des Mandanten „{tenant}“ wählt die Behörde nach der Antwort „{rule.Answer}“, die es in der neuen Version nicht mehr als Auswahlfeld gibt. Bitte unter „Zuständigkeit“ anpassen, bevor veröffentlicht wird.");
            }

            if (switched.Count > 0) switches.Add(new RoutingSwitch(tenant, current.Revision, current.Role ?? "", rules, switched));
        }

        return new(switches, problems);
    }

    /// <summary>Saves each switch as the next revision, as <paramref name="login"/> (Redaktion, who published); the sentences for the publisher.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(string login, string formId, RoutingPublishPlan plan, CancellationToken cancellationToken = default)
    {
        var published = plan.Next;
        var told = new List<string>();
        foreach (var change in plan.Switches)
        {
            var problems = await editor.SaveAsync(login, change.Tenant, formId, change.Role, change.Rules, change.Revision, published, cancellationToken);
            var what = string.Join(", ", change.Answers.Select(a => $"„{a.From}“ → „{a.To}“"));
            told.Add(problems.Count == 0
                ? $"Zuständigkeit bei „{change.Tenant}“ umgestellt: {what}."
                : $"Zuständigkeit bei „{change.Tenant}“ NICHT umgestellt ({what}): {string.Join(" ", problems.Select(p => RoutingTexts.German(p)))} Bitte unter „Zuständigkeit“ selbst anpassen.");
        }

        return told;
    }

    /// <summary>An answer path after the renames in order: <c>a.b.c</c> with a.b → a.x is a.x.c.</summary>
    public static string Follow(string answer, IEnumerable<(string From, string To)> renames)
    {
        foreach (var (from, to) in renames)
            if (answer == from) answer = to;
            else if (answer.StartsWith(from + ".", StringComparison.Ordinal)) answer = to + answer[from.Length..];
        return answer;
    }

    private static string Prefix(string formId) => $"renames/{formId}/";

    private static string PathOf(string formId, int number) => $"{Prefix(formId)}{number.ToString("D6", CultureInfo.InvariantCulture)}.json";

    private IEnumerable<(int Number, string Path)> Saved(string formId) =>
        workspace.CatalogFilePaths(Prefix(formId))
            .Select(path => (Path: path, Match: SetName().Match(path[Prefix(formId).Length..])))
            .Where(p => p.Match.Success)
            .Select(p => (int.Parse(p.Match.Groups["n"].Value, CultureInfo.InvariantCulture), p.Path));

    [GeneratedRegex("^(?<n>[0-9]{6})\\.json$")]
    private static partial Regex SetName();
}
