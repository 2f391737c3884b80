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

    /// <summary>The draft's service files as last saved (path → text; <c>DraftServiceFiles.Current</c>): their Scriban files are rewritten with the rename (<see cref="TemplateRename"/>).</summary>
    public IReadOnlyDictionary<string, string> ServiceFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The answer rules Redaktion saved in the designer (<c>tenant_routing_edits</c>, newest revision per tenant): tenant and
    /// answer path. The running portal routes the published version's answers by them, so a rename does not change them
    /// now; it records the rename and publishing switches them (<c>RoutingRenames</c>).
    /// </summary>
    public IReadOnlyList<(string Tenant, string Answer)> DesignerAnswerRules { get; init; } = [];

    /// <summary>The designer's answer rules that name the answer at <paramref name="dataPath"/> (or one inside it), as notes for the author.</summary>
    public IEnumerable<string> RoutingNotes(string dataPath, string newPath)
    {
        foreach (var (tenant, answer) in DesignerAnswerRules)
            if (answer == dataPath || answer.StartsWith(dataPath + ".", StringComparison.Ordinal))
                yield return $"Die Zuständigkeitsregel des Mandanten „{tenant}“ wählt die Behörde nach „{answer}“; sie bleibt für die veröffentlichte Version so und wird beim Veröffentlichen auf „{newPath}{answer[dataPath.Length..]}“ umgestellt.";
    }

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
