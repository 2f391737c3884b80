using System.Text.RegularExpressions;

namespace Sozialplattform.Engine.Localization;

/// <summary>
/// Unicode bidi isolation (UAX #9 FSI … PDI) for text shown in a right-to-left language. Inside Arabic text a phone
/// number "0221 1234567" would otherwise be read as two numbers in right-to-left order (1234567 0221), a date with its
/// time as "04:01 ,2026-12-02", and a German label would pull the punctuation around it to the wrong side. Each run of
/// left-to-right content — digits, Latin (and Greek, Cyrillic) letters and the punctuation between them — becomes an
/// isolate that keeps its own order. Browsers and the PDF layout (engine/Sozialplattform.Documents) honour isolates.
/// </summary>
public static partial class BidiText
{
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';

    /// <summary>Right-to-left portal languages.</summary>
    public static bool IsRightToLeft(string language) => language is "ar" or "fa" or "he" or "ur";

    /// <summary>The text as one isolate (its direction from its own first strong character).</summary>
    public static string Isolate(string text) => text.Length == 0 ? text : $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";

    /// <summary>Every left-to-right run of <paramref name="text"/> isolated; unchanged for left-to-right languages and already isolated text.</summary>
    public static string IsolateRuns(string text, string language) => IsRightToLeft(language) ? IsolateRuns(text) : text;

    /// <summary>Every left-to-right run of <paramref name="text"/> isolated (text that already has isolates is left as it is).</summary>
    public static string IsolateRuns(string text) =>
        text.Length == 0 || text.Contains(FirstStrongIsolate) ? text : LeftToRightRun().Replace(text, m => Isolate(m.Value));

    private const string Strong = @"0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF";

    [GeneratedRegex($@"(?:[+(]|§[ \u00A0]?)?[{Strong}](?:[{Strong} \u00A0.,:;/+\-–()#%€@&'_*§„“""]*[{Strong}€%)“""])?")]
    private static partial Regex LeftToRightRun();
}
