using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>
/// What names a form's answers outside its definition, where the designer cannot write: the tenants' routing rules
/// that choose an office by one answer (<c>answerRules</c> in <c>routing.json</c>, tenant → answer path) and the
/// sample answers the draft's published version carries (file name → answers).
/// </summary>
public sealed record RenameSurroundings(IReadOnlyList<(string Tenant, string Answer)> AnswerRules, IReadOnlyDictionary<string, JsonObject> Samples)
{
    public static readonly RenameSurroundings None = new([], new Dictionary<string, JsonObject>());

    /// <summary>The places that name the answer at <paramref name="dataPath"/> (or an answer inside it), each as a sentence for the author.</summary>
    public IEnumerable<string> Places(string dataPath)
    {
        foreach (var (tenant, answer) in AnswerRules)
            if (answer == dataPath || answer.StartsWith(dataPath + ".", StringComparison.Ordinal))
                yield return $"Die Zuständigkeitsregel (answerRules) des Mandanten „{tenant}“ wählt die Behörde nach der Antwort „{answer}“; sie liegt in dessen routing.json und wird hier nicht umbenannt.";
        foreach (var (file, answers) in Samples)
            if (Names(answers, dataPath.Split('.'), 0))
                yield return $"Die Beispielantworten „{file}“ enthalten „{dataPath}“; Beispielantworten werden mit der veröffentlichten Version gespeichert und hier nicht umbenannt.";
    }

    /// <summary>Whether the answers hold the key path (through the rows of repeating groups).</summary>
    private static bool Names(JsonNode? node, string[] keys, int at) => node switch
    {
        JsonObject obj => obj.ContainsKey(keys[at]) && (at == keys.Length - 1 || Names(obj[keys[at]], keys, at + 1)),
        JsonArray rows => rows.Any(row => Names(row, keys, at)),
        _ => false,
    };
}
