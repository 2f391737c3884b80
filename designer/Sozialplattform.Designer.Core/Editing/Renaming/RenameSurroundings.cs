using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>
/// What names a form's answers outside its definition: the tenants' routing rules that choose an office by one answer
/// (<c>answerRules</c> in <c>routing.json</c>, tenant → answer path), which the designer cannot write, and the draft's
/// sample answers (name → answers: <c>valid</c>, <c>invalid</c>), which a rename rewrites and saves anew
/// (<see cref="SampleRename"/>, <c>DraftSamples.SaveRenamed</c>).
/// </summary>
public sealed record RenameSurroundings(IReadOnlyList<(string Tenant, string Answer)> AnswerRules, IReadOnlyDictionary<string, JsonObject> Samples)
{
    public static readonly RenameSurroundings None = new([], new Dictionary<string, JsonObject>());

    /// <summary>The samples the designer keeps per draft and can save renamed; any other sample file is only listed.</summary>
    public static readonly IReadOnlyList<string> RewritableSamples = ["valid", "invalid"];

    /// <summary>The places that name the answer at <paramref name="dataPath"/> (or an answer inside it) and cannot be rewritten here, each as a sentence for the author.</summary>
    public IEnumerable<string> Places(string dataPath)
    {
        foreach (var (tenant, answer) in AnswerRules)
            if (answer == dataPath || answer.StartsWith(dataPath + ".", StringComparison.Ordinal))
                yield return $"Die Zuständigkeitsregel (answerRules) des Mandanten „{tenant}“ wählt die Behörde nach der Antwort „{answer}“; sie liegt in dessen routing.json und wird hier nicht umbenannt.";
        foreach (var (file, answers) in Samples)
            if (!RewritableSamples.Contains(file) && SampleRename.Names(answers, dataPath.Split('.')))
                yield return $"Die Beispielantworten „{file}“ enthalten „{dataPath}“; nur die gültigen und ungültigen Beispiele des Entwurfs werden mit umbenannt.";
    }

    /// <summary>The rewritable samples that name the answer at <paramref name="dataPath"/>, with the answer under <paramref name="newKey"/>.</summary>
    public IReadOnlyDictionary<string, JsonObject> Renamed(string dataPath, string newKey)
    {
        var keys = dataPath.Split('.');
        return Samples.Where(s => RewritableSamples.Contains(s.Key) && SampleRename.Names(s.Value, keys))
            .ToDictionary(s => s.Key, s => SampleRename.Answers(s.Value, keys, newKey));
    }
}
