using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;

namespace Sozialplattform.Web.Wizard;

/// <summary>The steps of the wizard for the current answers: the visible pages in order (a page's visibility may depend on answers).</summary>
public sealed class WizardSteps(FormState state)
{
    public IReadOnlyList<PageDefinition> Pages { get; } = state.Pages.Where(p => p.Visible).Select(p => p.Page).ToList();

    public PageDefinition? Find(string pageId) => state.Pages.FirstOrDefault(p => p.Page.Id == pageId)?.Page;

    public bool IsVisible(PageDefinition page) => Pages.Contains(page);

    /// <summary>The visible page after <paramref name="page"/>, or null when the summary comes next.</summary>
    public PageDefinition? After(PageDefinition page) => Pages.FirstOrDefault(p => p.Index > page.Index);

    /// <summary>The visible page before <paramref name="page"/>, or null when it is the first step.</summary>
    public PageDefinition? Before(PageDefinition page) => Pages.LastOrDefault(p => p.Index < page.Index);

    /// <summary>1-based number of the step among the visible pages.</summary>
    public int Number(PageDefinition page) => Pages.Count(p => p.Index <= page.Index);
}
