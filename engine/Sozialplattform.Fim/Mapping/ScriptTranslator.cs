using System.Text;
using System.Text.RegularExpressions;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// Translates a FIM rule script into one of our rule expressions, but only when that is safe: a single
/// expression (optionally inside <c>function script() { return …; }</c>) made of literals, comparisons,
/// arithmetic, <c>&amp;&amp; || !</c>, the helpers <c>isEmpty</c>/<c>isFilled</c>/<c>countFilled</c>, and names
/// that are rule parameters or element ids visible in the rule's scope. Anything else returns a reason instead.
/// </summary>
public static partial class ScriptTranslator
{
    private static readonly HashSet<string> Helpers = ["isEmpty", "isFilled", "countFilled"];
    private static readonly HashSet<string> Literals = ["true", "false", "null"];

    /// <summary>Translates the script; <paramref name="keysByFimId"/> maps the element ids in scope to their keys.</summary>
    public static ScriptTranslation Translate(FimRule rule, IReadOnlyDictionary<string, string> keysByFimId)
    {
        var body = Body(rule.Script);
        if (body.Length == 0) return ScriptTranslation.Fail("no script");
        if (body.Contains(';') || body.Contains("//", StringComparison.Ordinal) || body.Contains("/*", StringComparison.Ordinal))
            return ScriptTranslation.Fail("the script is more than one expression");

        var parameters = rule.Parameters.ToDictionary(p => p.Name, p => p.Element, StringComparer.Ordinal);
        var output = new StringBuilder();
        var position = 0;
        foreach (Match token in Token().Matches(body))
        {
            if (token.Index != position) return ScriptTranslation.Fail($"unsupported text '{body[position..token.Index].Trim()}'");
            position = token.Index + token.Length;
            if (token.Groups["name"].Success)
            {
                var name = token.Value;
                var next = body[position..].TrimStart();
                if (Literals.Contains(name) || (Helpers.Contains(name) && next.StartsWith('('))) output.Append(name);
                else if (Resolve(name, parameters, keysByFimId) is { } key) output.Append(key);
                else return ScriptTranslation.Fail($"'{name}' is not an element in this rule's scope");
            }
            else output.Append(token.Value);
        }

        if (position != body.Length) return ScriptTranslation.Fail($"unsupported text '{body[position..].Trim()}'");
        var expression = Whitespace().Replace(output.ToString(), " ").Trim();
        return IsCondition(expression) ? ScriptTranslation.Ok(expression) : ScriptTranslation.Value(expression);
    }

    private static string? Resolve(string name, Dictionary<string, string> parameters, IReadOnlyDictionary<string, string> keysByFimId)
    {
        var element = parameters.TryGetValue(name, out var bound) ? bound : name;
        var id = element.Split(' ', '/').First();
        return keysByFimId.TryGetValue(id, out var key) ? key : null;
    }

    private static string Body(string script)
    {
        var text = script.Trim();
        var function = FunctionWrapper().Match(text);
        if (function.Success) text = function.Groups[1].Value.Trim();
        if (text.StartsWith("return ", StringComparison.Ordinal)) text = text["return ".Length..].Trim();
        return text.TrimEnd(';').Trim();
    }

    private static bool IsCondition(string expression) =>
        Condition().IsMatch(expression);

    [GeneratedRegex(@"(?<space>\s+)|(?<name>[A-Za-z_][A-Za-z0-9_]*)|(?<number>\d+(\.\d+)?)|(?<string>'[^'\\\r\n]*'|""[^""\\\r\n]*"")|(?<op>===|!==|==|!=|<=|>=|&&|\|\||[<>!()+\-*/%,])")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\s*function\s*\w*\s*\(\s*\)\s*\{(.*)\}\s*$", RegexOptions.Singleline)]
    private static partial Regex FunctionWrapper();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"===|!==|==|!=|<=|>=|<|>|&&|\|\||^!|\bisEmpty\(|\bisFilled\(|\btrue\b|\bfalse\b")]
    private static partial Regex Condition();
}

/// <summary>Either an expression (a condition, or a value for calculation rules) or the reason it was not translated.</summary>
public sealed record ScriptTranslation(string? Expression, bool IsCondition, string? Reason)
{
    public static ScriptTranslation Ok(string expression) => new(expression, true, null);
    public static ScriptTranslation Value(string expression) => new(expression, false, null);
    public static ScriptTranslation Fail(string reason) => new(null, false, reason);
}
