using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>What a rename found: the edit (key and every rewritten rule, one undoable step), or why it cannot be done.</summary>
public abstract record RenameResult
{
    /// <param name="Rewritten">The rules and checks whose text changed, by path.</param>
    public sealed record Renamed(IEdit Edit, IReadOnlyList<DocumentPath> Rewritten) : RenameResult
    {
        /// <summary>The draft's samples that named the answer, rewritten (name → answers); the caller saves them (<c>DraftSamples.SaveRenamed</c>).</summary>
        public IReadOnlyDictionary<string, JsonObject> Samples { get; init; } = new Dictionary<string, JsonObject>();

        /// <summary>The answer's old key path (<c>haushalt.kinder.alter</c>), for the samples' expected errors.</summary>
        public IReadOnlyList<string> OldKeys { get; init; } = [];

        public string NewKey { get; init; } = "";

        /// <summary>The draft's whole service-file set with the Scriban files that named the answer rewritten; null when none changed. The caller saves it as the next set.</summary>
        public IReadOnlyDictionary<string, string>? ServiceFiles { get; init; }

        /// <summary>The service files that changed (their paths), for the confirmation.</summary>
        public IReadOnlyList<string> ChangedServiceFiles { get; init; } = [];

        /// <summary>Designer routing rules that name the answer: switched at publishing, told to the author now.</summary>
        public IReadOnlyList<string> RoutingNotes { get; init; } = [];
    }

    /// <summary>Nothing is changed; each reason names a place (German, for the author).</summary>
    public sealed record Refused(IReadOnlyList<string> Reasons) : RenameResult;
}

/// <summary>
/// Renames a field's or group's key together with every reference to it. Rules are parsed (Acornima, through the
/// engine's <see cref="ExpressionAnalyzer"/>) and each name chain is resolved the way the engine binds it, so only the
/// names that mean this element are rewritten — not a string literal with the same text, not another group's field of
/// the same key, not a key that merely starts with it. Afterwards every name of every rule must mean what it meant
/// before (a new key that would capture another field's or a helper's name is refused). The draft's sample answers that
/// name the answer come back rewritten (<see cref="RenameResult.Renamed.Samples"/>), and so do the service's Scriban
/// files (<see cref="TemplateRename"/>; a reference that is not certain refuses the rename with its file and line); a
/// tenant's <c>answerRules</c> cannot be rewritten here: the rename is then refused with their list. The answer rules
/// saved in the designer are switched when the renamed version is published (<see cref="RenameResult.Renamed.RoutingNotes"/>).
/// </summary>
public static class KeyRename
{
    private static readonly Regex KeyPattern = new("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant);

    public static RenameResult Plan(JsonObject form, DocumentPath element, string newKey, RenameSurroundings? outside = null)
    {
        newKey = newKey.Trim();
        if (element.Find(form) is not JsonObject target || target["key"]?.ToString() is not { Length: > 0 } oldKey || element.Parent is not { } list)
            return Refuse("Dieses Element hat keinen Schlüssel, den man umbenennen könnte.");
        if (newKey == oldKey) return new RenameResult.Renamed(new EditGroup("Schlüssel unverändert", []), []);
        if (!KeyPattern.IsMatch(newKey))
            return Refuse($"„{newKey}“ ist kein gültiger Schlüssel: erlaubt sind Buchstaben, Ziffern und _, am Anfang keine Ziffer, höchstens 64 Zeichen.");
        if (RuleBinder.ReservedNames.Contains(newKey))
            return Refuse($"„{newKey}“ ist in Regeln schon vergeben (row, rowIndex, value) und kann kein Schlüssel sein.");
        if (SiblingKeys.Of(form, list).Contains(newKey))
            return Refuse($"Den Schlüssel „{newKey}“ gibt es auf dieser Ebene schon; Schlüssel müssen unter Geschwistern eindeutig sein.");

        var reasons = new List<string>();
        var changes = new List<(DocumentPath Path, string Text)>();
        var parent = Enclosing(form, element);
        foreach (var rule in RuleTexts.Of(form))
        {
            var rewritten = Rewrite(form, rule, target, oldKey, newKey, parent, reasons);
            if (rewritten is not null && rewritten != rule.Text) changes.Add((rule.Path, rewritten));
        }

        var dataPath = DataPath(form, element);
        if (outside is not null) reasons.AddRange(outside.Places(dataPath));
        var templates = TemplateRename.Plan(outside?.ServiceFiles ?? new Dictionary<string, string>(), dataPath.Split('.'), newKey);
        reasons.AddRange(templates.Places.Select(p => p.ToString()));
        if (reasons.Count == 0) reasons.AddRange(Captured(form, element, newKey, changes));
        if (reasons.Count > 0) return new RenameResult.Refused(reasons);

        var edits = new List<IEdit> { new SetProperty(element, "key", JsonValue.Create(newKey)) };
        edits.AddRange(changes.Select(c => new SetProperty(c.Path.Parent!, (string)c.Path.Last, JsonValue.Create(c.Text))));
        var why = changes.Count == 0 ? $"{oldKey} in {newKey} umbenannt" : $"{oldKey} in {newKey} umbenannt ({changes.Count} Regeln angepasst)";
        return new RenameResult.Renamed(new EditGroup(why, edits), changes.Select(c => c.Path).ToList())
        {
            Samples = outside?.Renamed(dataPath, newKey) ?? new Dictionary<string, JsonObject>(),
            OldKeys = dataPath.Split('.'),
            NewKey = newKey,
            ServiceFiles = templates.Changed.Count == 0 ? null : outside!.ServiceFiles.Select(f => KeyValuePair.Create(f.Key, templates.Changed.GetValueOrDefault(f.Key, f.Value))).ToDictionary(StringComparer.Ordinal),
            ChangedServiceFiles = [.. templates.Changed.Keys],
            RoutingNotes = outside is null ? [] : [.. outside.RoutingNotes(dataPath, NewPath(dataPath, newKey))],
        };
    }

    private static string NewPath(string dataPath, string newKey) =>
        dataPath.LastIndexOf('.') is var dot and >= 0 ? dataPath[..(dot + 1)] + newKey : newKey;

    /// <summary>The key path through groups as in the answers (<c>haushalt.kinder.vorname</c>).</summary>
    public static string DataPath(JsonObject form, DocumentPath element)
    {
        var keys = new List<string>();
        var path = DocumentPath.Root;
        foreach (var segment in element.Segments)
        {
            path = segment is int index ? path.Index(index) : path.Property((string)segment);
            if (segment is int && path.Segments.Count > 2 && path.Find(form) is JsonObject item && item["key"]?.ToString() is { } key) keys.Add(key);
        }

        return string.Join('.', keys);
    }

    /// <summary>The rule's text with every name that means <paramref name="target"/> renamed; null when it cannot be read.</summary>
    private static string? Rewrite(JsonObject form, RuleText rule, JsonObject target, string oldKey, string newKey, JsonObject? repeatingParent, List<string> reasons)
    {
        var references = References(rule, out var broken);
        if (broken)
        {
            if (Regex.IsMatch(rule.Text, $@"\b{Regex.Escape(oldKey)}\b"))
                reasons.Add($"{rule.Path}: die Regel „{rule.Text}“ ist fehlerhaft und nennt vielleicht „{oldKey}“ — bitte zuerst die Regel berichtigen.");
            return null;
        }

        var spans = new List<(int Start, int End)>();
        var readsRows = false;
        foreach (var reference in references)
        {
            var resolved = NameResolution.Resolve(form, reference.Names, rule.Groups);
            for (var i = 0; i < resolved.Count; i++)
            {
                if (ReferenceEquals(resolved[i], target)) spans.Add(i == 0 ? (reference.Start, reference.Start + oldKey.Length) : (reference.Ends[i] - oldKey.Length, reference.Ends[i]));
                if (repeatingParent is not null && ReferenceEquals(resolved[i], repeatingParent)) readsRows = true;
            }
        }

        // count(kinder, k => k.alter > 17): the name after "k." is the row's field, read through a name of the rule's own.
        if (readsRows && !rule.IsDottedKey && RowMembers(rule.Text, oldKey, references).Any())
            reasons.Add($"{rule.Path}: „{rule.Text}“ liest „{oldKey}“ über einen eigenen Namen (eine Zeile in einer Hilfsfunktion); das kann nicht sicher umbenannt werden — bitte die Regel zuerst anpassen.");

        var text = new StringBuilder(rule.Text);
        foreach (var (start, end) in spans.OrderByDescending(s => s.Start)) text.Remove(start, end - start).Insert(start, newKey);
        return text.ToString();
    }

    private static IReadOnlyList<NameReference> References(RuleText rule, out bool broken)
    {
        broken = false;
        if (rule.IsDottedKey)
        {
            var names = rule.Text.Split('.');
            var ends = new List<int>();
            var end = -1;
            foreach (var name in names) ends.Add(end += name.Length + 1);
            return [new NameReference(names, 0, ends, false)];
        }

        var analyzed = ExpressionAnalyzer.Analyze(rule.Text);
        broken = analyzed.SyntaxError is not null;
        return analyzed.References;
    }

    /// <summary>Member accesses <c>x.oldKey</c> that are not part of a name chain the rule reads from outside (their object is a name of the rule's own).</summary>
    private static IEnumerable<int> RowMembers(string text, string oldKey, IReadOnlyList<NameReference> references)
    {
        var found = new List<int>();
        Walk(new Parser(new ParserOptions { EcmaVersion = EcmaVersion.Latest }).ParseExpression(text));
        return found.Where(start => !references.Any(r => r.Start <= start && start < r.Ends[^1]));

        void Walk(Node node)
        {
            if (node is MemberExpression { Computed: false, Property: Identifier property } && property.Name == oldKey) found.Add(property.Start);
            foreach (var child in node.ChildNodes) Walk(child);
        }
    }

    /// <summary>
    /// After the rename every name of every rule must mean the same element as before (by path) — the new key must not
    /// capture a name that meant an outer field, a helper or a name of the rule's own.
    /// </summary>
    private static IEnumerable<string> Captured(JsonObject form, DocumentPath element, string newKey, IReadOnlyList<(DocumentPath Path, string Text)> changes)
    {
        var renamed = (JsonObject)form.DeepClone();
        ((JsonObject)element.Find(renamed)!)["key"] = newKey;
        foreach (var (path, text) in changes) ((JsonObject)path.Parent!.Find(renamed)!)[(string)path.Last] = text;
        var before = RuleTexts.Of(form);
        var after = RuleTexts.Of(renamed);
        for (var i = 0; i < before.Count; i++)
        {
            var old = Meanings(form, before[i]);
            var now = Meanings(renamed, after[i]);
            if (!old.SequenceEqual(now))
                yield return $"{before[i].Path}: in „{after[i].Text}“ würde „{newKey}“ etwas anderes bedeuten als bisher — bitte einen anderen Schlüssel wählen.";
        }
    }

    private static List<string> Meanings(JsonObject form, RuleText rule) =>
        References(rule, out _).Select(r => NameResolution.Describe(NameResolution.Resolve(form, r.Names, rule.Groups))).ToList();

    /// <summary>The repeating group the element is a row field of, or null.</summary>
    private static JsonObject? Enclosing(JsonObject form, DocumentPath element) =>
        element.Parent?.Parent is { } owner && owner.Find(form) is JsonObject group && RuleTexts.IsRepeating(group) ? group : null;

    private static RenameResult.Refused Refuse(string reason) => new([reason]);
}
