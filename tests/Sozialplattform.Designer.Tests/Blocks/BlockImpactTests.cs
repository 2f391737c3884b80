using System.Text.Json.Nodes;
using Sozialplattform.Designer.Blocks;
using Sozialplattform.Designer.Versions;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Blocks;

/// <summary>Blocks: where each is used, and the impact of a change on every form that uses it, shown before it is saved as a new version.</summary>
public sealed class BlockImpactTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;

    public BlockImpactTests() => _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });

    public void Dispose() => _catalog.Dispose();

    private JsonObject Kontakt() => new CatalogBlocks(_workspace).Read("kontakt", "1.0.1").ShouldNotBeNull();

    /// <summary>The forms whose newest version uses kontakt (any version), as the catalog files say.</summary>
    private IReadOnlyList<string> FormsUsingKontakt() =>
        Directory.GetDirectories(Path.Combine(_catalog.Catalog, "forms"))
            .Select(d => (Id: Path.GetFileName(d), Newest: Directory.GetDirectories(d).Select(Path.GetFileName).OfType<string>().OrderBy(v => Catalog.SemanticVersion.Parse(v)).Last()))
            .Where(f => File.ReadAllText(Path.Combine(_catalog.Catalog, "forms", f.Id, f.Newest, "form.json")).Contains("\"kontakt@", StringComparison.Ordinal))
            .Select(f => $"{f.Id}@{f.Newest}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Each_block_lists_every_form_version_that_uses_it()
    {
        var uses = new CatalogBlocks(_workspace).Uses();

        uses["kontakt@1.0.1"].Select(u => u.Form).ShouldContain("avgs@1.0.2");
        uses["kontakt@1.0.0"].Select(u => u.Form).ShouldContain("avgs@1.0.0");
        uses["kontakt@1.0.1"].Select(u => u.Form).ShouldNotContain("avgs@1.0.0");
        uses["kontakt@1.0.1"].Single(u => u.Form == "avgs@1.0.2").Paths.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_draft_that_uses_a_block_is_listed_as_the_forms_draft()
    {
        _workspace.Open("avgs", "anna");

        new CatalogBlocks(_workspace).Uses()["kontakt@1.0.1"].Select(u => u.Form).ShouldContain("avgs (Entwurf)");
    }

    [Fact]
    public void A_changed_label_shows_as_a_text_change_in_every_form_that_uses_the_block()
    {
        var block = Kontakt();
        block["items"]![0]!["label"]!["de"] = "Telefonnummer (tagsüber)";

        var change = new BlockImpact(_workspace).Check("kontakt", "1.1.0", block.ToJsonString());

        change.Problems.ShouldBeEmpty();
        change.Forms.Select(f => f.Form).Where(f => !f.Contains("Entwurf")).Order(StringComparer.Ordinal).ShouldBe(FormsUsingKontakt());
        change.Forms.ShouldAllBe(f => f.Impact == Impact.Patch && f.Changes.Any(c => c.Contains("Telefonnummer (tagsüber)")));
    }

    [Fact]
    public void A_new_required_field_is_a_major_change_and_a_broken_rule_shows_as_a_new_lint_finding()
    {
        var block = Kontakt();
        block["items"]!.AsArray().Add(JsonNode.Parse("""{"key": "fax", "type": "text", "label": {"de": "Fax", "en": "Fax"}, "required": true, "visibleIf": "unbekannt === 1"}"""));

        var change = new BlockImpact(_workspace).Check("kontakt", "2.0.0", block.ToJsonString());

        change.Problems.ShouldNotBeEmpty(); // the engine refuses a rule with an unknown name: nothing to save
        change.CanSave.ShouldBeFalse();

        block["items"]!.AsArray().Last()!.AsObject().Remove("visibleIf");
        var valid = new BlockImpact(_workspace).Check("kontakt", "2.0.0", block.ToJsonString());
        valid.CanSave.ShouldBeTrue(string.Join("\n", valid.Problems));
        var avgs = valid.Forms.Single(f => f.Form == "avgs@1.0.2");
        avgs.Impact.ShouldBe(Impact.Major);
        avgs.NewFindings.ShouldContain(f => f.Contains("fax", StringComparison.Ordinal)); // the catalog lint: no texts in the form's other languages
    }

    [Fact]
    public void A_block_is_never_changed_in_place_broken_json_is_refused_and_a_saved_version_cannot_be_saved_again()
    {
        var impact = new BlockImpact(_workspace);
        var stored = File.ReadAllBytes(Path.Combine(_catalog.Catalog, "blocks", "kontakt", "1.0.1.json"));

        impact.Check("kontakt", "1.0.1", Kontakt().ToJsonString()).Problems.ShouldHaveSingleItem().ShouldContain("gibt es schon");
        impact.Check("kontakt", "1.1.0", "{ kaputt").Problems.ShouldHaveSingleItem().ShouldContain("Kein gültiges JSON");
        impact.ProposedVersion("kontakt").ShouldBe("1.1.0");

        impact.Save("kontakt", "1.1.0", Kontakt().ToJsonString(), "anna").Saved.ShouldBeTrue();
        impact.Save("kontakt", "1.1.0", Kontakt().ToJsonString(), "ben").Saved.ShouldBeFalse();
        File.ReadAllBytes(Path.Combine(_catalog.Catalog, "blocks", "kontakt", "1.0.1.json")).ShouldBe(stored);
        new CatalogBlocks(_workspace).All().ShouldContain(b => b.Reference == "kontakt@1.1.0");
    }
}
