using System.Text.Json.Nodes;
using Bunit;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Web.Components.Form;

namespace Sozialplattform.Web.Tests.Components;

/// <summary>The answers of the summary page and the inbox come in the form's order, as in the PDF: a field after a group stays after it.</summary>
public sealed class DocumentNodesTests : ComponentTestContext
{
    [Fact]
    public void Fields_and_groups_keep_the_order_of_the_form()
    {
        var engine = FormEngine.Load(Path.Combine(Infrastructure.RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "form.json")).Engine!;
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "answers", "valid.json")))!.AsObject();
        var document = engine.BuildDocument(engine.Validate(answers), "de", new DocumentHeader(null, null, null, []));
        var page = document.Sections[0];
        page.Content.Select(n => n.Path).Take(2).ShouldBe(["antragsteller", "familienstand"], "the form: the applicant's group, then the marital status");

        var rendered = Render<DocumentNodes>(p => p.Add(c => c.Nodes, page.Content).Add(c => c.Level, 3));

        var order = rendered.FindAll("h3, dt").Select(e => e.TextContent.Trim()).ToList();
        order.IndexOf("Familienstand").ShouldBeGreaterThan(order.IndexOf("Nachname"));
        order.IndexOf(((DocumentGroup)page.Content[0]).Title).ShouldBeLessThan(order.IndexOf("Nachname"));
    }
}
