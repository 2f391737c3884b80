namespace Sozialplattform.Engine.Definitions;

/// <summary>Repetition of a group: rows between <see cref="Min"/> and <see cref="Max"/>.</summary>
public sealed record RepeatSettings(int Min, int Max, LocalizedText AddLabel, LocalizedText RowLabel);

/// <summary>A group of items (a fieldset), nesting its answers under its key; a list of rows when repeating.</summary>
public sealed class GroupDefinition : ElementDefinition
{
    public required LocalizedText Title { get; init; }
    public required IReadOnlyList<ElementDefinition> Items { get; init; }
    public RepeatSettings? Repeat { get; init; }

    /// <summary>The building block (id@version) this group uses, if any.</summary>
    public string? Block { get; init; }

    public bool IsRoot => Parent is null;
    public bool IsRepeating => Repeat is not null;

    public override LocalizedText Caption => Title;

    public ElementDefinition? Find(string key)
    {
        foreach (var item in Items)
            if (item.Key == key) return item;
        return null;
    }

    public IEnumerable<ElementDefinition> Descendants()
    {
        foreach (var item in Items)
        {
            yield return item;
            if (item is GroupDefinition group)
                foreach (var inner in group.Descendants()) yield return inner;
        }
    }
}
