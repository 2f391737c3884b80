using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>Sets what elements know about their place in the tree: parent, page, order and path template.</summary>
internal static class TreeLinker
{
    public static void Link(FormDefinition form)
    {
        var ordinal = 0;
        foreach (var page in form.Pages)
            foreach (var item in page.Items)
                Link(item, form.Root, page, "", ref ordinal);
    }

    private static void Link(ElementDefinition element, GroupDefinition parent, PageDefinition page, string parentPath, ref int ordinal)
    {
        element.Parent = parent;
        element.Page = page;
        element.Ordinal = ordinal++;
        element.PathTemplate = parentPath.Length == 0 ? element.Key : $"{parentPath}.{element.Key}";
        if (element is not GroupDefinition group) return;
        var childPath = group.IsRepeating ? element.PathTemplate + "[]" : element.PathTemplate;
        foreach (var item in group.Items) Link(item, group, page, childPath, ref ordinal);
    }
}
