using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing.Renaming;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Preview;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Samples;

/// <summary>The preview's answers saved as the form's valid and invalid samples: the lint's "no samples" finding goes away, and the samples travel with the published version.</summary>
public sealed class DraftSamplesTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly DraftSamples _samples;

    public DraftSamplesTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _samples = new DraftSamples(_workspace);
        _workspace.Create("probe", Encoding.UTF8.GetBytes(Forms.Household().ToJsonString()), "anna");
    }

    public void Dispose() => _catalog.Dispose();

    private static JsonObject Answers(string json) => (JsonObject)JsonNode.Parse(json)!;

    private PreviewResult Preview(JsonObject answers) => PreviewEvaluation.Run(Encoding.UTF8.GetString(_workspace.Current("probe")!.Content), _workspace.Catalog, answers);

    private IReadOnlyList<LintItem> Lint() =>
        DefinitionLint.Run(DefinitionDocument.Parse(_workspace.Current("probe")!.Content, "probe"), _workspace.Catalog, samples: _samples.Files("probe", null));

    private static readonly JsonObject Valid = Answers("""{"hatKinder": true, "kinder": [{"vorname": "Mia", "alter": 4}]}""");
    private static readonly JsonObject Invalid = Answers("""{"hatKinder": true, "kinder": [{"alter": 40}]}""");

    [Fact]
    public void A_new_form_has_the_no_samples_finding_until_valid_and_invalid_answers_are_saved_from_the_preview()
    {
        Lint().Where(i => i.Message.Contains("answers/", StringComparison.Ordinal)).Count().ShouldBe(3);

        _samples.Save("probe", SampleKind.Valid, Valid, Preview(Valid).Result!, "anna").Saved.ShouldBeTrue();
        Lint().Count(i => i.Message.Contains("answers/", StringComparison.Ordinal)).ShouldBe(2);
        _samples.Save("probe", SampleKind.Invalid, Invalid, Preview(Invalid).Result!, "anna").Saved.ShouldBeTrue();

        Lint().ShouldNotContain(i => i.Message.Contains("answers/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_invalid_sample_keeps_exactly_the_errors_it_gives_in_the_catalogs_format()
    {
        _samples.Save("probe", SampleKind.Invalid, Invalid, Preview(Invalid).Result!, "anna").Saved.ShouldBeTrue();

        var files = _samples.Files("probe", null);
        JsonNode.Parse(files["invalid.json"])!.ToJsonString().ShouldBe(Invalid.ToJsonString());
        var expected = JsonNode.Parse(files["invalid.expected.json"])!;
        expected["errors"]!.AsArray().Select(e => $"{e!["path"]} {e["code"]}").Order().ShouldBe(["kinder[0].alter max", "kinder[0].vorname required"]);
        expected["warnings"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void Answers_with_errors_are_not_saved_as_valid_and_answers_without_errors_not_as_invalid()
    {
        _samples.Save("probe", SampleKind.Valid, Invalid, Preview(Invalid).Result!, "anna").Message.ShouldContain("ergeben 2 Fehler");
        _samples.Save("probe", SampleKind.Invalid, Valid, Preview(Valid).Result!, "anna").Message.ShouldContain("keinen Fehler");

        _samples.Files("probe", null).ShouldBeEmpty();
    }

    [Fact]
    public void A_newer_save_replaces_the_older_sample_and_parallel_saves_are_all_kept_under_their_own_numbers()
    {
        var result = Preview(Valid).Result!;
        var saves = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => _samples.Save("probe", SampleKind.Valid, Answers($$"""{"hatKinder": true, "kinder": [{"vorname": "Kind {{i}}"}]}"""), result, "anna"))
            .ToList();

        saves.ShouldAllBe(s => s.Saved);
        _workspace.CatalogFilePaths("samples/probe/").Count.ShouldBe(8);
        _samples.Save("probe", SampleKind.Valid, Valid, result, "anna").Saved.ShouldBeTrue();
        JsonNode.Parse(_samples.Files("probe", null)["valid.json"])!.ToJsonString().ShouldBe(Valid.ToJsonString());
    }

    [Fact]
    public void The_saved_samples_are_published_with_the_next_version()
    {
        _samples.Save("probe", SampleKind.Valid, Valid, Preview(Valid).Result!, "anna");
        _samples.Save("probe", SampleKind.Invalid, Invalid, Preview(Invalid).Result!, "anna");

        var published = _workspace.Publish("probe", _workspace.Current("probe")!.ETag, "1.0.0", "anna");

        published.ShouldBeOfType<SaveResult.Published>();
        _workspace.SampleAnswerFiles("probe", "1.0.0").Keys.Order().ShouldBe(["invalid.expected.json", "invalid.json", "valid.json"]);
    }

    [Fact]
    public void A_renamed_key_is_saved_in_the_drafts_samples_and_their_expected_errors_and_the_renamed_form_gives_the_same_verdict()
    {
        _samples.Save("probe", SampleKind.Valid, Valid, Preview(Valid).Result!, "anna").Saved.ShouldBeTrue();
        _samples.Save("probe", SampleKind.Invalid, Invalid, Preview(Invalid).Result!, "anna").Saved.ShouldBeTrue();
        var document = DefinitionDocument.Parse(_workspace.Current("probe")!.Content, "probe");
        var outside = new RenameSurroundings([], SampleAnswers.From(_samples.Files("probe", null)));

        var renamed = KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[1].items[1]"), "jahre", outside)
            .ShouldBeOfType<RenameResult.Renamed>();
        renamed.Samples.Keys.Order().ShouldBe(["invalid", "valid"]);
        _samples.SaveRenamed("probe", null, renamed.Samples, renamed.OldKeys, renamed.NewKey, "anna").Saved.ShouldBeTrue();
        document.Apply(renamed.Edit);

        var files = _samples.Files("probe", null);
        JsonNode.Parse(files["valid.json"])!.ToJsonString().ShouldBe("""{"hatKinder":true,"kinder":[{"vorname":"Mia","jahre":4}]}""");
        JsonNode.Parse(files["invalid.json"])!.ToJsonString().ShouldBe("""{"hatKinder":true,"kinder":[{"jahre":40}]}""");
        var expected = JsonNode.Parse(files["invalid.expected.json"])!["errors"]!.AsArray().Select(e => $"{e!["path"]} {e["code"]}").Order().ToList();
        expected.ShouldBe(["kinder[0].jahre max", "kinder[0].vorname required"]);
        var verdict = PreviewEvaluation.Run(document.ToText(), _workspace.Catalog, (JsonObject)JsonNode.Parse(files["invalid.json"])!).Result!;
        verdict.Errors.Select(e => $"{e.Path} {e.Code}").Order().ShouldBe(expected);
        PreviewEvaluation.Run(document.ToText(), _workspace.Catalog, (JsonObject)JsonNode.Parse(files["valid.json"])!).Result!.Errors.ShouldBeEmpty();
    }
}
