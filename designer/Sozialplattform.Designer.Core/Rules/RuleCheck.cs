using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Rules;

/// <summary>
/// Checks a rule as the author types it: syntax (with line and column), names that are not in scope (with the names
/// that are), forbidden globals, non-determinism and changes to built-ins (<see cref="RuleHazards"/>) — and then what the engine says about the rule in the whole definition (cycles, …).
/// An empty list means the rule is fine.
/// </summary>
public static class RuleCheck
{
    public static IReadOnlyList<string> Check(JsonObject form, DocumentPath rulePath, string expression, RuleScope scope, CatalogDirectory? catalog, FormEngineOptions? options = null)
    {
        options ??= FormEngineOptions.Default;
        if (expression.Trim().Length == 0) return ["Die Regel ist leer."];
        var analyzed = ExpressionAnalyzer.Analyze(expression);
        if (analyzed.SyntaxError is not null)
            return [$"Syntaxfehler in Zeile {analyzed.ErrorLine}, Spalte {analyzed.ErrorColumn}: {analyzed.SyntaxError}"];

        var messages = analyzed.Hazards.Select(h => h.Reason("de")).ToList();
        foreach (var reference in analyzed.References.Where(r => analyzed.Hazards.All(h => h.Start != r.Start))) Names(reference, scope, options, messages);
        if (messages.Count > 0) return messages.Distinct().ToList();
        return EngineProblems(form, rulePath, expression, catalog, options);
    }

    private static void Names(NameReference reference, RuleScope scope, FormEngineOptions options, List<string> messages)
    {
        var name = reference.Names[0];
        if (reference.Assigned) messages.Add($"Regeln dürfen keine Antworten ändern ('{name}' wird zugewiesen).");
        if (RuleBinder.ForbiddenGlobals.TryGetValue(name, out var why)) messages.Add($"'{name}' ist in Regeln nicht erlaubt: {why}.");
        if (scope.Names.Any(n => n.Name == name))
        {
            var member = reference.Names.Count > 1 ? $"{name}.{reference.Names[1]}" : null;
            var isPlainGroup = scope.Names.Any(n => n.Name == name && n.Kind == ScopeNameKind.Group);
            if (member is not null && isPlainGroup && scope.Names.Any(n => n.Name.StartsWith(name + ".", StringComparison.Ordinal)) && scope.Names.All(n => n.Name != member))
                messages.Add($"Die Gruppe '{name}' hat kein Feld '{reference.Names[1]}'.");
            return;
        }

        if (options.RuleFunctions.Contains(name) || RuleBinder.AllowedGlobals.Contains(name) || RuleBinder.ForbiddenGlobals.ContainsKey(name)) return;
        var similar = scope.Names.Select(n => n.Name).Where(n => !n.Contains('.')).OrderBy(n => Distance(n, name)).Take(3);
        messages.Add($"Unbekannter Name '{name}': kein Feld und keine Gruppe mit diesem Schlüssel ist hier sichtbar, und es ist keine Hilfsfunktion. Ähnlich: {string.Join(", ", similar)}.");
    }

    /// <summary>What the engine reports at this rule's path when the definition is loaded with the rule in place, in German (<see cref="Lint.LintTexts"/>).</summary>
    private static IReadOnlyList<string> EngineProblems(JsonObject form, DocumentPath rulePath, string expression, CatalogDirectory? catalog, FormEngineOptions options)
    {
        var copy = (JsonObject)form.DeepClone();
        if (rulePath.Parent?.Find(copy) is not JsonObject owner || rulePath.Last is not string property) return [];
        owner[property] = expression;
        var path = rulePath.ToString();
        var ownerPath = rulePath.Parent!.ToString();
        var key = owner["key"]?.ToString() ?? owner["id"]?.ToString() ?? "";
        return FormEngine.LoadText(copy.ToJsonString(), "rule-check", catalog, options).Problems
            .Where(p => p.IsError && (p.Location.JsonPath == path || p.Location.JsonPath == ownerPath || p.Code == "rule-cycle" && p.Message.Contains(key, StringComparison.Ordinal)))
            .Select(p => Lint.LintTexts.Text(p))
            .ToList();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }
}
