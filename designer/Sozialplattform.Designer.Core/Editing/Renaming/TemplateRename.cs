using System.Text;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Syntax;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>A place in a service file that names the renamed answer in a way that cannot be rewritten safely: file, line (from 1), what it says, and why (German).</summary>
public sealed record TemplatePlace(string File, int Line, string Says, string Why)
{
    public override string ToString() => $"{File}, Zeile {Line}: „{Says}“ — {Why}";
}

/// <summary>The service files a rename changes (path → new text), or the places that keep it from being done.</summary>
public sealed record TemplateRenameResult(IReadOnlyDictionary<string, string> Changed, IReadOnlyList<TemplatePlace> Places);

/// <summary>
/// A renamed key in the service's Scriban files (decision letters, e-mail and other templates: every <c>*.scriban</c>).
/// Each file is parsed with Scriban's own parser; the accesses on the <c>answers</c> object are followed —
/// <c>answers["antragsteller.vorname"]</c>, <c>answers.email</c>, <c>answers["kinder[0].name"]</c>, and names bound to a
/// part of it (<c>for kind in answers.kinder</c> … <c>kind.name</c>, <c>a = answers.antragsteller</c> … <c>a.vorname</c>) —
/// and where the key path (row indices aside) is the renamed answer's, the key is replaced in place; nothing else in
/// the file changes. Where a reference is not certain — an index built at run time, a string that names the key outside
/// such an access (<c>string.ends_with ".betrag"</c>), a file that does not parse — the place is listed and no file is changed.
/// </summary>
public static partial class TemplateRename
{
    public const string AnswersName = "answers";

    public static TemplateRenameResult Plan(IReadOnlyDictionary<string, string> files, IReadOnlyList<string> oldKeys, string newKey)
    {
        var changed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var places = new List<TemplatePlace>();
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!path.EndsWith(Service.ServiceFileNames.Extension, StringComparison.Ordinal)) continue;
            var file = new FileRename(path, text, oldKeys, newKey);
            var rewritten = file.Run();
            places.AddRange(file.Places.Distinct());
            if (rewritten is not null && rewritten != text) changed[path] = rewritten;
        }

        return places.Count > 0 ? new TemplateRenameResult(new Dictionary<string, string>(), places) : new TemplateRenameResult(changed, []);
    }

    /// <summary>The keys of a path as the answers object spells it: <c>kinder[0].name</c> → kinder, name.</summary>
    internal static IReadOnlyList<string> Keys(string path) => [.. path.Split('.').Select(s => RowIndex().Replace(s, ""))];

    [GeneratedRegex(@"\[[0-9]*\]")]
    private static partial Regex RowIndex();

    /// <summary>One part of a reference: a member name (<c>.vorname</c>) or a string index (<c>["antragsteller.vorname"]</c>), with the keys it spells.</summary>
    private sealed record Part(ScriptNode Node, string Text, bool IsLiteral, ScriptLiteralStringQuoteType Quote)
    {
        public string[] Segments => IsLiteral ? Text.Split('.') : [Text];
    }

    private sealed class FileRename(string path, string text, IReadOnlyList<string> oldKeys, string newKey)
    {
        private readonly Dictionary<int, (int End, string Replacement)> _edits = [];
        private readonly HashSet<ScriptNode> _certainLiterals = new(ReferenceEqualityComparer.Instance);
        private readonly List<ScriptLiteral> _literals = [];
        private readonly Dictionary<string, List<Part>> _bound = new(StringComparer.Ordinal);
        private string OldKey => oldKeys[^1];

        public List<TemplatePlace> Places { get; } = [];

        public string? Run()
        {
            var parsed = Template.Parse(text, path);
            if (parsed.HasErrors || parsed.Page is null)
            {
                if (Mentions(text))
                {
                    var line = text.ReplaceLineEndings("\n").Split('\n').Select((l, i) => (l, i)).First(l => Mentions(l.l));
                    Places.Add(new TemplatePlace(path, line.i + 1, Short(line.l), $"Die Vorlage lässt sich nicht lesen und nennt vielleicht „{OldKey}“; bitte zuerst den Fehler in der Vorlage beheben."));
                }

                return null;
            }

            Walk(parsed.Page);
            foreach (var literal in _literals.Where(l => !_certainLiterals.Contains(l) && NamesKey(l.Value?.ToString() ?? "")))
                Places.Add(Place(literal, $"Der Text nennt „{OldKey}“, aber nicht als Zugriff auf eine Antwort; ob er die umbenannte Antwort meint, ist nicht sicher — bitte selbst anpassen."));
            if (Places.Count > 0) return null;
            var result = new StringBuilder(text);
            foreach (var (start, (end, replacement)) in _edits.OrderByDescending(e => e.Key)) result.Remove(start, end - start).Insert(start, replacement);
            return result.ToString();
        }

        private void Walk(ScriptNode? node)
        {
            if (node is null) return;
            switch (node)
            {
                case ScriptForStatement loop:
                    Walk(loop.Iterator);
                    var name = (loop.Variable as ScriptVariable)?.Name;
                    var outer = name is not null && _bound.TryGetValue(name, out var was) ? was : null;
                    if (name is not null) Bind(name, Chain(loop.Iterator));
                    Walk(loop.Body);
                    if (name is not null) Bind(name, outer);
                    return;
                case ScriptAssignExpression { Target: ScriptVariable variable } assign:
                    Walk(assign.Value);
                    Bind(variable.Name, Chain(assign.Value));
                    return;
                case ScriptMemberExpression or ScriptIndexerExpression:
                    if (Chain((ScriptExpression)node) is { } chain) Reference(chain);
                    Children(node, skipChain: true);
                    return;
                case ScriptLiteral literal when literal.Value is string:
                    _literals.Add(literal);
                    return;
            }

            Children(node, skipChain: false);
        }

        /// <summary>The children, except the nodes of a member/index chain already read (its dynamic indices are still walked).</summary>
        private void Children(ScriptNode node, bool skipChain)
        {
            if (skipChain)
            {
                for (var current = node; current is ScriptMemberExpression or ScriptIndexerExpression;)
                {
                    if (current is ScriptIndexerExpression indexer)
                    {
                        if (indexer.Index is ScriptLiteral { Value: string } literal) _literals.Add(literal);
                        else Walk(indexer.Index);
                        current = indexer.Target;
                    }
                    else current = ((ScriptMemberExpression)current).Target;

                    if (current is not (ScriptMemberExpression or ScriptIndexerExpression)) Walk(current);
                }

                return;
            }

            for (var i = 0; i < node.ChildrenCount; i++) Walk(node.GetChildren(i));
        }

        private void Bind(string name, List<Part>? chain)
        {
            if (chain is null) _bound.Remove(name);
            else _bound[name] = chain;
        }

        /// <summary>The parts from the answers object to <paramref name="expression"/> when it reads the answers; null otherwise. A dynamic index is listed.</summary>
        private List<Part>? Chain(ScriptExpression? expression)
        {
            switch (expression)
            {
                case ScriptVariable { Name: AnswersName }:
                    return [];
                case ScriptVariable variable when _bound.TryGetValue(variable.Name, out var bound):
                    return [.. bound];
                case ScriptMemberExpression { Member: { } name } member when Chain(member.Target) is { } target:
                    return [.. target, new Part(name, name.Name, false, default)];
                case ScriptIndexerExpression indexer when Chain(indexer.Target) is { } target:
                    switch (indexer.Index)
                    {
                        case ScriptLiteral { Value: string key } literal:
                            return [.. target, new Part(literal, key, true, literal.StringQuoteType)];
                        case ScriptLiteral { Value: int or long }:
                            return target; // a row of a repeating group: the keys go on
                        default:
                            if (ContainsString(indexer.Index))
                                Places.Add(Place(indexer, $"Der Zugriff auf die Antworten wird erst beim Erzeugen zusammengesetzt; ob er „{OldKey}“ meint, ist nicht sicher — bitte selbst anpassen."));
                            return null;
                    }
                default:
                    return null;
            }
        }

        /// <summary>A reference to the answers: where its keys (row indices aside) run through the renamed answer's path, the key is replaced.</summary>
        private void Reference(List<Part> chain)
        {
            // Every string of an answers access names an answer for certain — ours or another one (a same key elsewhere is not listed).
            foreach (var part in chain.Where(p => p.IsLiteral)) _certainLiterals.Add(part.Node);
            var position = 0;
            foreach (var part in chain)
            {
                var segments = part.Segments;
                for (var s = 0; s < segments.Length; s++, position++)
                {
                    var key = RowIndex().Replace(segments[s], "");
                    if (position >= oldKeys.Count || key != oldKeys[position]) return;
                    if (position != oldKeys.Count - 1) continue;
                    if (part.IsLiteral) Literal(part, s);
                    else _edits[part.Node.Span.Start.Offset] = (part.Node.Span.End.Offset + 1, newKey);
                    return;
                }
            }
        }

        private void Literal(Part part, int segment)
        {
            var segments = part.Segments;
            segments[segment] = newKey + segments[segment][OldKey.Length..];
            var value = string.Join('.', segments);
            var quoted = part.Quote switch
            {
                ScriptLiteralStringQuoteType.SimpleQuote => $"'{value.Replace("\\", "\\\\").Replace("'", "\\'")}'",
                ScriptLiteralStringQuoteType.Verbatim => $"`{value}`",
                _ => $"\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"",
            };
            _edits[part.Node.Span.Start.Offset] = (part.Node.Span.End.Offset + 1, quoted);
        }

        private static bool ContainsString(ScriptNode? node)
        {
            if (node is null) return false;
            if (node is ScriptLiteral { Value: string }) return true;
            for (var i = 0; i < node.ChildrenCount; i++)
                if (ContainsString(node.GetChildren(i))) return true;
            return false;
        }

        /// <summary>Whether a string names the key as a path segment (<c>".betrag"</c>, <c>"kinder[0].name"</c>, <c>"name"</c>).</summary>
        private bool NamesKey(string value) => value.Split('.', '[', ']').Contains(OldKey, StringComparer.Ordinal);

        private bool Mentions(string value) => Regex.IsMatch(value, $@"(?<![A-Za-z0-9_]){Regex.Escape(OldKey)}(?![A-Za-z0-9_])");

        private TemplatePlace Place(ScriptNode node, string why)
        {
            var start = node.Span.Start.Offset;
            var end = Math.Min(text.Length, node.Span.End.Offset + 1);
            return new TemplatePlace(path, node.Span.Start.Line + 1, Short(start >= 0 && end > start ? text[start..end] : ""), why);
        }

        private static string Short(string said)
        {
            said = said.Trim();
            return said.Length <= 80 ? said : said[..79] + "…";
        }
    }
}
