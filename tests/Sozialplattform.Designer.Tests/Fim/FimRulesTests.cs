using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Fim;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Designer.Tests.Fim;

/// <summary>An imported FIM form's rules (natural-language notes) listed beside the elements they name, expressed, marked done and counted by the lint.</summary>
public sealed class FimRulesTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;

    public FimRulesTests() => _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });

    public void Dispose() => _catalog.Dispose();

    private static string Standards => StandardsLocator.FindStandards(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("../shared/standards not found");

    private DefinitionDocument Import(string relativePath)
    {
        var file = Path.Combine(Standards, relativePath);
        using var stream = File.OpenRead(file);
        var outcome = new FimDraftImport(_workspace).Import(stream, Path.GetFileName(file), "anna");
        outcome.Success.ShouldBeTrue(string.Join("\n", outcome.Messages));
        return DefinitionDocument.Parse(outcome.Draft!.Content, outcome.Draft.FormId);
    }

    [Fact]
    public void Every_rule_of_a_real_FIM_file_is_listed_once_beside_the_fields_and_groups_its_text_names()
    {
        var document = Import("xdf2/examples/GerPS-Datafield/S00000094V1.0_xdf2/S00000094V1.0_xdf2.xml");

        var rules = FimRules.Of(document.Root, _workspace.Catalog);

        rules.Count.ShouldBe(13);
        rules.Select(r => r.Source).ShouldBeUnique();
        rules.ShouldAllBe(r => !r.Done && r.Text.StartsWith("Wenn im Datenfeld"));
        var r849 = rules.Single(r => r.Source == "R00000849 1.0");
        r849.Named.Select(e => e.FimId).ShouldBe(["F00000463", "F00000601"], ignoreOrder: true);
        r849.Named.ShouldAllBe(e => e.Path.Find(document.Root) != null);
        rules.Count(r => r.Named.Count > 0).ShouldBeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public void The_lint_counts_the_open_rules_in_German_and_marking_one_done_lowers_the_count_and_undoes()
    {
        var document = Import("xdf2/examples/glykon-bewohnerparken/S05000058V1.0_xdf2.xml");
        var rules = FimRules.Of(document.Root, _workspace.Catalog);
        rules.Count.ShouldBe(2);
        Warning(document).ShouldBe("2 von 2 FIM-Regeln sind noch nicht umgesetzt: als Bedingung ausdrücken und als erledigt markieren (Bereich „FIM-Regeln“).");

        document.Apply(FimRules.Mark(document.Root, rules[0].Source, done: true));

        FimRules.Of(document.Root, _workspace.Catalog).Single(r => r.Source == rules[0].Source).Done.ShouldBeTrue();
        Warning(document).ShouldStartWith("1 von 2 FIM-Regeln ist noch nicht umgesetzt");
        document.Root[FimRules.DoneProperty]!.ToJsonString().ShouldBe($"[\"{rules[0].Source}\"]");
        FormEngine.LoadText(document.ToText(), "form.json", _workspace.Catalog).Problems.Where(p => p.IsError).ShouldBeEmpty();

        document.Apply(FimRules.Mark(document.Root, rules[1].Source, done: true));
        Warning(document).ShouldBeNull();
        document.History.Undo();
        document.History.Undo();
        document.Root[FimRules.DoneProperty].ShouldBeNull();
        Warning(document).ShouldStartWith("2 von 2");
    }

    [Fact]
    public void Expressing_a_rule_as_required_if_on_a_field_the_import_made_required_drops_required_in_the_same_step()
    {
        var form = (JsonObject)JsonNode.Parse("""
            {"id": "p", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "P", "pages": [{"id": "s", "title": "S", "items": [
              {"key": "art", "type": "text", "label": "Art"},
              {"key": "datum", "type": "date", "label": "Datum", "required": true}
            ]}]}
            """)!;
        var document = DefinitionDocument.Parse(System.Text.Encoding.UTF8.GetBytes(form.ToJsonString()), "p");
        var target = DocumentPath.Parse("pages[0].items[1]");

        document.Apply(FimRules.Conditional(document.Root, new SetProperty(target, "requiredIf", JsonValue.Create("art === 'neu'"))));

        var field = (JsonObject)target.Find(document.Root)!;
        field["required"].ShouldBeNull();
        field["requiredIf"]!.ToString().ShouldBe("art === 'neu'");
        FormEngine.LoadText(document.ToText(), "form.json", _workspace.Catalog).Problems.Where(p => p.IsError).ShouldBeEmpty();
        document.History.Undo();
        ((JsonObject)target.Find(document.Root)!)["required"]!.GetValue<bool>().ShouldBeTrue();
        FimRules.Conditional(document.Root, new SetProperty(target, "visibleIf", JsonValue.Create("true"))).ShouldBeOfType<SetProperty>();
    }

    [Fact]
    public void A_form_without_FIM_rules_has_no_warning_and_a_note_that_is_no_rule_is_not_listed()
    {
        var form = Forms.Household();
        ((JsonObject)form["pages"]![0]!["items"]![0]!)["notes"] = JsonNode.Parse("""[{"text": "FIM datentyp 'time'", "source": "fim:datentyp=time"}, {"text": "Hinweis ohne Quelle", "fim": {"id": "R1", "version": "1.0"}}]""");

        FimRules.Of(form).ShouldBeEmpty();
        FimRules.OpenWarning([]).ShouldBeNull();
    }

    private string? Warning(DefinitionDocument document) =>
        DefinitionLint.Run(document, _workspace.Catalog).Where(i => i.Message.Contains("FIM-Regel")).Select(i => i.Message).SingleOrDefault();
}
