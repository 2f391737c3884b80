using CsCheck;

namespace Sozialplattform.Tests.Fuzzing;

/// <summary>
/// Rule text: sequences of JavaScript tokens (mostly not valid, sometimes valid), names of the sample forms and
/// helpers, endless loops, exceptions. It leaves out what changes built-ins for other forms (<c>Object.assign</c>,
/// prototypes, <c>globalThis</c>): isolation between forms is tested where it is built, and a polluted shared engine
/// would break unrelated tests running in the same process.
/// </summary>
public static class RuleFuzz
{
    private static readonly string[] Tokens =
    [
        "(", ")", "[", "]", "{", "}", "=>", "===", "!==", "==", "<", ">=", "&&", "||", "??", "!", "+", "-", "*", "/", "%", "**",
        "?", ":", ",", ";", ".", "'", "\"", "`", "${", "1", "0", "-1", "0.1", "1e308", "NaN", "Infinity", "null", "undefined",
        "true", "false", "'text'", "\"ä\"", "'😀'", "x", "_", "$0", "this", "arguments", "typeof", "in", "instanceof", "new",
        "function", "return", "var", "let", "const", "if", "else", "delete", "void", "yield", "await", "async", "class",
        "familienstand", "mitglieder", "betrag", "einkommen", "alter", "vorname", "geburtsdatum", "antragsteller", "email",
        "sum(", "count(", "isEmpty(", "isFilled(", "countFilled(", "today()", "age(", "round(", "min(", "max(", "contains(",
        "sum(mitglieder, 'betrag')", "isEmpty(vorname)", "age(geburtsdatum) >= 18", "while(true){}", "for(;;){}", "throw 1",
        "(function f(){ return f(); })()", "JSON.parse('{')", "Math.max()", "String.fromCharCode(65)", "'x'.repeat(10)",
        "[1,2,3].map(x => x * 2)", "new Array(5)", "/a+/.test('aaa')", "//", "/*", "*/", "\\u0000", "\u2028", "\uD800",
    ];

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf(Tokens).Array[1, 12].Select(tokens => string.Join(" ", tokens))),
        (1, Gen.String),
        (1, Gen.OneOf(Tokens).Array[1, 6].Select(tokens => string.Concat(tokens))));
}
