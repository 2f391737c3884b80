using System.Text;
using Sozialplattform.Catalog;
using Sozialplattform.Designer.Service;

namespace Sozialplattform.Designer.Tests.Service;

/// <summary>The designer reads a checklist with the inbox's reader (<see cref="CaseWorkFiles.ParseChecklist"/>) and says its problems in German.</summary>
public sealed class ServiceChecklistReadingTests
{
    [Fact]
    public void A_bad_item_is_said_in_German_with_the_line_and_column_where_it_starts()
    {
        var (items, problems) = ServiceChecklist.Read("{\n  \"items\": [\n    {\"id\": \"ok\", \"label\": \"A\"},\n    {\"id\": \"Nicht gültig\", \"label\": \"B\"}\n  ]\n}");

        items.Select(i => i.Id).ShouldBe(["ok", "Nicht gültig"]);
        problems.Select(p => p.ToString()).ShouldBe(["checklist.json (4,5): Punkt 2: die Kennung „Nicht gültig“ besteht nicht aus a–z, 0–9 und '-'."]);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_said_in_German_with_its_line()
    {
        var (items, problems) = ServiceChecklist.Read("{\n  \"items\": [\n    { \"id\": \"x\", }\n");

        items.ShouldBeEmpty();
        var problem = problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("Die Checkliste ist kein gültiges JSON.");
        problem.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("""{"items": [{"id": "a", "label": "A"}]}""")]
    [InlineData("""{"items": [{"id": "a", "label": {"en": "A"}}]}""")]
    [InlineData("""{"items": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]}""")]
    [InlineData("""{"items": [{"id": "-a", "label": "A"}]}""")]
    [InlineData("""{"items": {}}""")]
    [InlineData("""[]""")]
    [InlineData("""{"items": [{"id": "a", "label": "A"},]}""")]
    public void The_designer_refuses_exactly_the_checklists_the_inbox_and_the_bundle_import_refuse(string text)
    {
        var inboxRefuses = false;
        try
        {
            CaseWorkFiles.ReadChecklist(Encoding.UTF8.GetBytes(text), "checklist.json");
        }
        catch (CatalogException)
        {
            inboxRefuses = true;
        }

        (ServiceChecklist.Read(text).Problems.Count > 0).ShouldBe(inboxRefuses);
    }
}
