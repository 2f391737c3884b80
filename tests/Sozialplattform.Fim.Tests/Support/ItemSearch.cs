using Sozialplattform.Fim.Definitions;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>Finds items in an imported form (depth-first, blocks not followed).</summary>
public static class ItemSearch
{
    public static IEnumerable<ItemDocument> AllItems(this FormDocument form) => form.Pages.SelectMany(p => p.Items).SelectMany(Flatten);

    public static IEnumerable<ItemDocument> AllItems(this BlockDocument block) => block.Items.SelectMany(Flatten);

    public static ItemDocument Item(this FormDocument form, string key) => form.AllItems().First(i => i.Key == key);

    public static ItemDocument? FindItem(this FormDocument form, string key) => form.AllItems().FirstOrDefault(i => i.Key == key);

    private static IEnumerable<ItemDocument> Flatten(ItemDocument item) => [item, .. (item.Items ?? []).SelectMany(Flatten)];
}
