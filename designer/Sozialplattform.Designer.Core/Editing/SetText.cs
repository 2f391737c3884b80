using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>
/// Sets a text in one language (<c>label.en</c>); an empty text removes that language. A plain-string text
/// (German) becomes an object only when another language is added.
/// </summary>
public sealed record SetText(DocumentPath Target, string Name, string Language, string Text) : IEdit
{
    public string Description => $"{Name} ({Language}) geändert";

    public IEdit Apply(DefinitionDocument document)
    {
        var owner = EditTargets.Object(document, Target);
        var current = owner[Name];
        if (current is JsonObject texts)
        {
            var edit = new SetProperty(Target.Property(Name), Language, Text.Length == 0 ? null : JsonValue.Create(Text), Description);
            if (Text.Length == 0 && texts.Count == 1 && texts.ContainsKey(Language)) return new SetProperty(Target, Name, null, Description).Apply(document);
            return edit.Apply(document);
        }

        JsonNode? replacement = (current, Language, Text.Length) switch
        {
            (_, "de", 0) => null,
            (null or JsonValue, "de", _) => JsonValue.Create(Text),
            (null, _, 0) => null,
            (null, _, _) => new JsonObject { [Language] = Text },
            (JsonValue german, _, 0) => german,
            (JsonValue german, _, _) => new JsonObject { ["de"] = german.ToString(), [Language] = Text },
            _ => throw new EditException($"'{Target.Property(Name)}' is not a text"),
        };
        if (ReferenceEquals(replacement, current)) return new SetProperty(Target, Name, current, Description);
        return new SetProperty(Target, Name, replacement, Description).Apply(document);
    }
}
