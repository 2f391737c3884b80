using System.Text;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Catalog.Tests.Files;

/// <summary>
/// The one reader of <c>checklist.json</c> (<see cref="CaseWorkFiles.ParseChecklist"/>): problems as data with line and
/// column, said in English for operators (bundle import, inbox) by the same codes the designer says in German.
/// </summary>
public sealed class ChecklistReaderTests
{
    private static ChecklistFile Read(string text) => CaseWorkFiles.ParseChecklist(Encoding.UTF8.GetBytes(text));

    private static string Said(ChecklistProblem p) => $"{p.Code} [{string.Join(", ", p.Arguments)}] {p.Line}:{p.Column}";

    [Fact]
    public void Every_problem_of_the_items_is_data_with_the_line_and_column_where_the_item_starts()
    {
        var read = Read("""
            {
              "items": [
                { "id": "ok", "label": "Identität geprüft" },
                { "id": "<script>", "label": "B" },
                { "id": "ok", "label": { "en": "Only English" } }
              ]
            }
            """);

        read.Items.Select(i => i.Id).ShouldBe(["ok", "<script>", "ok"]);
        read.Problems.Select(Said).ShouldBe([
            "id-invalid [2, <script>] 4:5",
            "label-missing [3, ok] 5:5",
            "id-twice [3, ok, 2] 5:5",
        ]);
    }

    [Fact]
    public void Broken_JSON_is_one_problem_with_its_line_and_the_parsers_message()
    {
        var problem = Read("{\n  \"items\": [\n    { \"id\": \"x\", }\n").Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe(ChecklistProblemCodes.NotJson);
        problem.Line.ShouldBe(3);
        problem.Column.ShouldBeGreaterThan(1);
        problem.Arguments.ShouldHaveSingleItem().ShouldNotBeEmpty();
    }

    [Fact]
    public void A_file_without_items_and_too_many_items_and_long_labels_are_refused_by_the_same_rules_as_in_the_designer()
    {
        Read("""{"punkte": []}""").Problems.ShouldHaveSingleItem().Code.ShouldBe(ChecklistProblemCodes.ItemsMissing);

        var many = string.Join(",", Enumerable.Range(0, CaseWorkFiles.MaxChecklistItems + 1).Select(i => $$"""{"id": "p{{i}}", "label": "P"}"""));
        Read($$"""{"items": [{{many}}]}""").Problems.Select(Said).ShouldBe(["too-many [100, 101] 0:0"]);

        var longLabel = new string('x', CaseWorkFiles.MaxChecklistLabelLength + 1);
        Read($$$"""{"items": [{"id": "a", "label": {"de": "A", "en": "{{{longLabel}}}"}}]}""").Problems.ShouldHaveSingleItem().Code.ShouldBe(ChecklistProblemCodes.LabelTooLong);
    }

    [Fact]
    public void The_operators_reader_throws_every_problem_in_English_naming_the_file_item_and_line()
    {
        var error = Should.Throw<CatalogException>(() => CaseWorkFiles.ReadChecklist(
            Encoding.UTF8.GetBytes("{\"items\": [\n  {\"id\": \"a\", \"label\": \"A\"},\n  {\"id\": \"a\"}\n]}"), "forms/x/1.0.0/checklist.json"));

        error.Message.ShouldBe("forms/x/1.0.0/checklist.json: items[1] 'a' has no German label (line 3); forms/x/1.0.0/checklist.json: items[1]: the item id 'a' is declared twice (line 3)");
    }

    [Fact]
    public void A_valid_checklist_reads_with_its_labels_as_written()
    {
        var items = CaseWorkFiles.ReadChecklist("""{"items": [{"id": "identitaet", "label": {"de": "Identität geprüft", "en": "Identity checked"}}, {"id": "einkommen", "label": "Einkommen belegt"}]}"""u8, "c.json");

        items.Select(i => i.Id).ShouldBe(["identitaet", "einkommen"]);
        CaseWorkFiles.LabelTexts(items[0].Label)["en"].ShouldBe("Identity checked");
        CaseWorkFiles.LabelTexts(items[1].Label)["de"].ShouldBe("Einkommen belegt");
    }

    [Fact]
    public void The_bundle_import_says_the_same_problems_as_the_reader()
    {
        var content = Encoding.UTF8.GetBytes("""{"items": [{"id": "A B", "label": "x"}]}""");

        BundleImporter.CaseWorkProblems(BundleItemKind.Checklist, "c.json", content)
            .ShouldBe(CaseWorkFiles.ParseChecklist(content).Problems.Select(p => p.English("c.json")));
    }
}
