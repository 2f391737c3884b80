namespace Sozialplattform.Engine.Rules;

/// <summary>Text helpers.</summary>
public static class TextFunctions
{
    public static RuleFunctionRegistry WithTextFunctions(this RuleFunctionRegistry registry) => registry
        .Add(new("text", "len", "len(x)", "Length of a text (in characters) or a list; 0 for no answer.", "len(begruendung) >= 20",
            """
            function len(x) {
              if (x === null || x === undefined) return 0;
              if (typeof x === 'string') return Array.from(x).length;
              return Array.isArray(x) ? x.length : 0;
            }
            """))
        .Add(new("text", "matches", "matches(x, 'regex')", "True if the whole text `x` matches the regular expression.", "matches(aktenzeichen, '[A-Z]{2}-[0-9]+')",
            "function matches(x, pattern) { return typeof x === 'string' && new RegExp('^(?:' + pattern + ')$').test(x); }"));
}
