using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.CodeLists;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Preview;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Designer.Tests.CodeLists;

/// <summary>The catalog's code lists in the designer: import, listing, never changed in place, one of two parallel imports, attached to a choice field.</summary>
public sealed class CatalogCodeListsTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly CatalogCodeLists _lists;

    public CatalogCodeListsTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _lists = new CatalogCodeLists(_workspace);
    }

    public void Dispose() => _catalog.Dispose();

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void An_imported_csv_becomes_a_code_list_of_the_catalog_that_the_list_shows_and_the_engine_reads()
    {
        var outcome = _lists.Import("wohnart.csv", Csv("code;label;label_en\nmiete;Miete;rent\neigen;Eigentum;own\n"), "wohnart-neu", "1.0.0", "Wohnart", "anna");

        outcome.Success.ShouldBeTrue(string.Join("\n", outcome.Problems));
        outcome.Reference.ShouldBe("wohnart-neu@1.0.0");
        _lists.All().ShouldContain(l => l.Reference == "wohnart-neu@1.0.0" && l.Name == "Wohnart" && l.Count == 2);
        _lists.All().ShouldContain(l => l.Reference == "geschlecht@1.0.0" && !l.Shared);
        var list = _workspace.Catalog.CodeList("wohnart-neu", "1.0.0").ShouldNotBeNull();
        var json = JsonNode.Parse(list.Text)!;
        json["items"]![0]!["label"]!["en"]!.GetValue<string>().ShouldBe("rent");
        json["source"]!.GetValue<string>().ShouldBe("CSV wohnart.csv");
    }

    [Fact]
    public void A_list_that_exists_is_never_changed_in_place_and_the_refusal_proposes_a_new_version()
    {
        var stored = File.ReadAllBytes(Path.Combine(_catalog.Catalog, "codelists", "geschlecht", "1.0.0.json"));

        var outcome = _lists.Import("g.csv", Csv("code;label\nx;anders\n"), "geschlecht", "1.0.0", null, "anna");

        outcome.Success.ShouldBeFalse();
        outcome.Problems.ShouldHaveSingleItem().Text.ShouldContain("gibt es schon");
        outcome.Problems[0].Text.ShouldContain("z. B. 1.1.0"); // the catalog has geschlecht 1.0.0 and 1.0.1
        File.ReadAllBytes(Path.Combine(_catalog.Catalog, "codelists", "geschlecht", "1.0.0.json")).ShouldBe(stored);
        _lists.Import("g.csv", Csv("code;label\nx;anders\n"), "geschlecht", _lists.ProposedVersion("geschlecht"), null, "anna").Success.ShouldBeTrue();
    }

    [Fact]
    public void Of_parallel_imports_of_one_list_name_exactly_one_is_stored_and_the_others_are_refused()
    {
        var outcomes = Enumerable.Range(0, 12).AsParallel().WithDegreeOfParallelism(12)
            .Select(i => _lists.Import($"l{i}.csv", Csv($"code;label\nc;Fassung {i}\n"), "parallel", "1.0.0", null, $"autor{i}"))
            .ToList();

        outcomes.Count(o => o.Success).ShouldBe(1);
        outcomes.Where(o => !o.Success).ShouldAllBe(o => o.Problems.Single().Text.Contains("gibt es schon"));
        var winner = outcomes.Select((o, i) => (o, i)).Single(x => x.o.Success).i;
        _workspace.Catalog.CodeList("parallel", "1.0.0")!.Text.ShouldContain($"Fassung {winner}");
    }

    [Fact]
    public void A_bad_file_or_a_bad_name_stores_nothing()
    {
        var before = _lists.All().Count;

        _lists.Import("x.csv", Csv("code;label\na;A\na;B\n"), "doppelt", "1.0.0", null, "anna").Problems.ShouldHaveSingleItem().Line.ShouldBe(3);
        _lists.Import("x.csv", Csv("code;label\na;A\n"), "../../forms/x", "1.0.0", null, "anna").Success.ShouldBeFalse();
        _lists.Import("x.csv", Csv("code;label\na;A\n"), "gut", "1.0", null, "anna").Success.ShouldBeFalse();

        _lists.All().Count.ShouldBe(before);
        Directory.Exists(Path.Combine(_catalog.Catalog, "codelists", "doppelt")).ShouldBeFalse();
    }

    [Fact]
    public void Attaching_a_list_to_a_choice_field_replaces_its_own_options_as_one_undoable_edit_and_the_preview_offers_the_codes()
    {
        _lists.Import("w.csv", Csv("code;label\nmiete;Miete\neigen;Eigentum\n"), "wohnen-test", "1.0.0", null, "anna").Success.ShouldBeTrue();
        var form = Forms.Household();
        ((JsonArray)form["pages"]![0]!["items"]!).Add(JsonNode.Parse("""{"key": "wohnart", "type": "choice", "label": {"de": "Wohnart", "en": "Housing"}, "options": [{"code": "a", "label": {"de": "A", "en": "A"}}]}"""));
        var document = DefinitionDocument.Parse(Encoding.UTF8.GetBytes(form.ToJsonString()), "probe");
        var field = DocumentPath.Parse("pages[0].items[2]");
        var before = document.ToText();

        var (edit, problem) = CatalogCodeLists.Attach(document, field, "wohnen-test@1.0.0");
        problem.ShouldBeNull();
        document.Apply(edit!);

        field.Find(document.Root)!["codeList"]!.GetValue<string>().ShouldBe("wohnen-test@1.0.0");
        field.Find(document.Root)!["options"].ShouldBeNull();
        var preview = PreviewEvaluation.Run(document.ToText(), _workspace.Catalog, new JsonObject());
        preview.Success.ShouldBeTrue(string.Join("\n", preview.LoadErrors));
        var choice = (FieldDefinition)preview.Result!.State.Elements.Single(e => e.Path == "wohnart").Definition;
        choice.Options.Select(o => o.Code).ShouldBe(["miete", "eigen"]);
        document.History.Undo();
        JsonNode.DeepEquals(JsonNode.Parse(before), document.Root).ShouldBeTrue();
    }

    [Fact]
    public void A_list_cannot_be_attached_to_a_field_that_is_no_choice()
    {
        var document = DefinitionDocument.Parse(Encoding.UTF8.GetBytes(Forms.Household().ToJsonString()), "probe");

        var (edit, problem) = CatalogCodeLists.Attach(document, DocumentPath.Parse("pages[0].items[0]"), "geschlecht@1.0.0");

        edit.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("Auswahlfeld");
    }

    [Fact]
    public void The_list_names_the_form_versions_that_use_it()
    {
        _lists.UsedBy("geschlecht", "1.0.1").ShouldContain("buergergeld@1.0.2");
        _lists.UsedBy("geschlecht", "1.0.1").ShouldNotContain("buergergeld@1.0.1");
        _lists.UsedBy("geschlecht", "1.0.0").ShouldContain("buergergeld@1.0.1");
        _lists.UsedBy("nirgends", "1.0.0").ShouldBeEmpty();
    }
}
