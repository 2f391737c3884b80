using Bunit;
using Microsoft.AspNetCore.Components;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>"Thema" is a choice among the catalog's topics by their German titles (it was a free-text box); a topic the catalog does not know stays as it is, named so.</summary>
public sealed class PropertyPanelTopicTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;

    public PropertyPanelTopicTests() => _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    [Fact]
    public void The_topic_is_chosen_from_the_catalogs_topics_by_title_and_the_choice_becomes_an_edit()
    {
        IEdit? edit = null;
        var session = new EditorSession(_workspace, _workspace.Open("einstiegsgeld", "anna"));
        var panel = Render<PropertyPanel>(p => p.Add(x => x.Session, session).Add(x => x.CatalogDirectory, _catalog.Catalog)
            .Add(x => x.OnEdit, EventCallback.Factory.Create<IEdit>(this, e => edit = e)));

        var topic = TopicSelect(panel);
        var options = topic.QuerySelectorAll("option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();

        options.ShouldContain(("existenzsicherung", "Geld zum Leben"));
        options.Count.ShouldBe(1 + Sozialplattform.Catalog.CatalogJson.Topics(_catalog.Catalog).Count, "(keine Angabe) and every topic of the catalog");
        topic.GetAttribute("value").ShouldBe(session.Document.Root["topic"]!.ToString());
        topic.Change("existenzsicherung");
        edit.ShouldBeOfType<SetProperty>().ShouldSatisfyAllConditions(
            e => e.Name.ShouldBe("topic"),
            e => e.Value!.ToString().ShouldBe("existenzsicherung"));
    }

    [Fact]
    public void A_topic_the_catalog_does_not_know_stays_selectable_and_is_named_so()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var document = DefinitionDocument.Parse(opened.Content, "x");
        document.Apply(new SetProperty(DocumentPath.Root, "topic", System.Text.Json.Nodes.JsonValue.Create("altes-thema")));
        var saved = _workspace.Save("einstiegsgeld", document.ToUtf8(), opened.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();

        var panel = Render<PropertyPanel>(p => p.Add(x => x.Session, new EditorSession(_workspace, saved.Draft)).Add(x => x.CatalogDirectory, _catalog.Catalog));

        var topic = TopicSelect(panel);
        topic.GetAttribute("value").ShouldBe("altes-thema");
        topic.QuerySelectorAll("option").ShouldContain(o => o.GetAttribute("value") == "altes-thema" && o.TextContent == "altes-thema (nicht im Katalog)");
    }

    private static AngleSharp.Dom.IElement TopicSelect(IRenderedComponent<PropertyPanel> panel)
    {
        var label = panel.FindAll("label").Single(l => l.TextContent == "Thema");
        return panel.Find($"select#{label.GetAttribute("for")}");
    }
}
