using Bunit;
using Microsoft.AspNetCore.Components;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Lint;

namespace Sozialplattform.Designer.Tests.Components;

public sealed class LintPanelTests : BunitContext
{
    [Fact]
    public void Each_problem_links_to_its_element()
    {
        DocumentPath? shown = null;
        var element = DocumentPath.Parse("pages[0].items[3]");
        var panel = Render<LintPanel>(p => p
            .Add(l => l.Items, [new LintItem(true, "unknown name 'x'", LintSource.Engine, "pages[0].items[3].visibleIf", element, null)])
            .Add(l => l.OnShow, EventCallback.Factory.Create<DocumentPath>(this, path => shown = path)));

        panel.Find("[role=status]").TextContent.ShouldBe("1 Fehler, 0 Warnungen");
        panel.Find("button").Click();

        shown.ShouldBe(element);
    }

    [Fact]
    public void No_problems_are_said_so()
    {
        Render<LintPanel>(p => p.Add(l => l.Items, [])).Find("[role=status]").TextContent.ShouldBe("Keine Probleme gefunden.");
    }
}
