using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.CodeLists;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Fim;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Designer.Tests.CodeLists;

/// <summary>
/// A FIM select uploaded without its code list waits as a text field and blocks publishing; the author imports the
/// genericode file in „Codelisten“ and gives it to the field, which then becomes the choice the import makes with the list.
/// </summary>
public sealed class PendingListAttachTests : IDisposable
{
    private const string Folder = "xdf2/examples/glykon-bewohnerparken";
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly CatalogCodeLists _lists;

    public PendingListAttachTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _lists = new CatalogCodeLists(_workspace);
    }

    public void Dispose() => _catalog.Dispose();

    private static string Standards => StandardsLocator.FindStandards(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("../shared/standards not found");

    private DefinitionDocument Upload()
    {
        var file = Path.Combine(Standards, Folder, "S05000058V1.0_xdf2.xml");
        using var stream = File.OpenRead(file);
        var outcome = new FimDraftImport(_workspace).Import(stream, Path.GetFileName(file), "anna");
        outcome.Success.ShouldBeTrue(string.Join("\n", outcome.Messages));
        return DefinitionDocument.Parse(outcome.Draft!.Content, outcome.Draft.FormId);
    }

    private string ImportList(string fimId)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Standards, Folder, fimId + "_genericode.xml"));
        var outcome = _lists.Import(fimId + "_genericode.xml", bytes, "fim-" + fimId.ToLowerInvariant(), "1.0.0", null, "anna");
        outcome.Success.ShouldBeTrue(string.Join("\n", outcome.Problems));
        return outcome.Reference!;
    }

    /// <summary>The FIM list id of the genericode file beside the schema whose canonical URI the waiting field names ("uri version").</summary>
    private static string FileOf(string list) =>
        Directory.GetFiles(Path.Combine(Standards, Folder), "C*_genericode.xml")
            .Single(f => File.ReadAllText(f).Contains($"<CanonicalUri>{list[..list.LastIndexOf(' ')]}</CanonicalUri>", StringComparison.Ordinal))
            .Split(Path.DirectorySeparatorChar)[^1].Split('_')[0];

    private static DocumentPath PathOf(DefinitionDocument document, string key) =>
        DocumentPath.Of(All(document.Root).First(o => o["key"]?.ToString() == key));

    private static IEnumerable<JsonObject> All(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => All(p.Value))),
        JsonArray a => a.SelectMany(All),
        _ => [],
    };

    [Fact]
    public void A_field_waiting_for_its_FIM_list_becomes_a_choice_on_the_imported_list_as_one_undoable_edit()
    {
        var document = Upload();
        var before = document.ToText();
        var pending = PendingFimCodeLists.In(document.Root).Count;
        var field = PathOf(document, "F05001347");
        field.Find(document.Root)!["type"]!.GetValue<string>().ShouldBe("text");
        PendingListAttach.Find(document, field).ShouldNotBeNull().List.ShouldBe("Art des Antrags (kurz) 0.1");

        var (edit, problem) = CatalogCodeLists.Attach(document, field, ImportList("C05000125"));
        problem.ShouldBeNull();
        document.Apply(edit!);

        var item = (JsonObject)field.Find(document.Root)!;
        item["type"]!.GetValue<string>().ShouldBe("choice");
        item["codeList"]!.GetValue<string>().ShouldBe("fim-c05000125@1.0.0");
        PendingFimCodeLists.Of(item).ShouldBeNull();
        PendingFimCodeLists.In(document.Root).Count.ShouldBe(pending - 1);
        var loaded = Sozialplattform.Engine.FormEngine.LoadText(document.ToText(), "probe", _workspace.Catalog);
        loaded.Errors.ShouldBeEmpty();

        document.History.Undo();
        document.ToText().ShouldBe(before);
    }

    [Fact]
    public void With_every_list_imported_and_given_to_its_field_the_uploaded_form_is_published()
    {
        var document = Upload();
        var draft = _workspace.Current("fim-s05000058")!;
        _workspace.Publish("fim-s05000058", draft.ETag, "1.0.0", "anna").ShouldBeOfType<SaveResult.Refused>()
            .Reasons.ShouldContain(p => p.Contains("Art des Antrags (kurz) 0.1", StringComparison.Ordinal));

        var lists = new Dictionary<string, string>();
        foreach (var (where, list) in PendingFimCodeLists.In(document.Root).ToList())
        {
            var fimId = FileOf(list);
            var key = where.Split('.')[^1];
            var reference = lists.TryGetValue(fimId, out var known) ? known : lists[fimId] = ImportList(fimId);
            document.Apply(CatalogCodeLists.Attach(document, PathOf(document, key), reference).Edit.ShouldNotBeNull());
        }

        PendingFimCodeLists.In(document.Root).ShouldBeEmpty();
        var saved = _workspace.Save("fim-s05000058", document.ToUtf8(), draft.ETag, "anna").ShouldBeOfType<SaveResult.Saved>();
        _workspace.Publish("fim-s05000058", saved.Draft.ETag, "1.0.0", "anna").ShouldBeOfType<SaveResult.Published>();
    }

    [Fact]
    public void A_repeated_select_waiting_for_its_list_becomes_one_multiple_choice_with_the_rows_counts()
    {
        const string form = """
            {"id": "wartet", "version": "0.1.0", "status": "draft", "languages": ["de"], "title": "Wartet",
             "pages": [{"id": "start", "title": "Start", "items": [
               {"key": "F1", "type": "group", "title": "Staaten", "repeat": {"min": 1, "max": 3}, "items": [
                 {"key": "F1", "type": "text", "label": "Staaten", "required": true,
                  "notes": [{"text": "wartet", "source": "fim:codelisteReferenz", "fim": {"id": "urn:staat", "version": "1"}}]}]}]}]}
            """;
        var document = DefinitionDocument.Parse(Encoding.UTF8.GetBytes(form), "wartet");
        _lists.Import("s.csv", Encoding.UTF8.GetBytes("code;label\n000;deutsch\n121;albanisch\n"), "staat-test", "1.0.0", null, "anna").Success.ShouldBeTrue();

        var (edit, problem) = CatalogCodeLists.Attach(document, DocumentPath.Parse("pages[0].items[0].items[0]"), "staat-test@1.0.0");
        problem.ShouldBeNull();
        document.Apply(edit!);

        var item = (JsonObject)DocumentPath.Parse("pages[0].items[0]").Find(document.Root)!;
        item["type"]!.GetValue<string>().ShouldBe("multiChoice");
        item["key"]!.GetValue<string>().ShouldBe("F1");
        item["codeList"]!.GetValue<string>().ShouldBe("staat-test@1.0.0");
        item["required"]!.GetValue<bool>().ShouldBeTrue();
        item["maxSelected"]!.GetValue<int>().ShouldBe(3);
        item["notes"].ShouldBeNull();
        Sozialplattform.Engine.FormEngine.LoadText(document.ToText(), "probe", _workspace.Catalog).Errors.ShouldBeEmpty();
    }
}
