using System.Text;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// A draft's checklist, letters and e-mail templates on the shared home: saved as numbered rows of
/// <c>shared_catalog_files</c> (insert only), seen by a second host, stored with the published version
/// (<c>published_form_versions.ServiceFiles</c>) and read back unchanged; of parallel saves naming the same set one wins;
/// a template that does not render keeps the version from being published.
/// </summary>
public abstract class DesignerServiceFilesTests(DatabaseTarget target)
{
    private const string Checklist = """{"items": [{"id": "identitaet", "label": {"de": "Identität geprüft"}}, {"id": "einkommen", "label": {"de": "Einkommen <script>alert(1)</script> geprüft"}}]}""";
    private const string Letter = "Bewilligung {{ reference_number }}\nSehr geehrte Damen und Herren, Ihr Antrag „{{ title }}“ ist bewilligt.\n{{ caseworker_name }}\n";

    private sealed record Home(SharedCatalog Catalog, string FormId)
    {
        public FormWorkspace Host() => new(
            new WorkspaceOptions { CatalogDirectory = Path.Combine(RepositoryPaths.Root, "forms-catalog"), DraftDirectory = Path.Combine(Path.GetTempPath(), "unused-drafts") },
            store: new DatabaseFormStore(Catalog));
    }

    private async Task<Home> OpenAsync()
    {
        var operations = await OperationsDatabase.OpenAsync(await target.FreshAsync());
        var home = new Home(new SharedCatalog(operations), "service-" + Guid.NewGuid().ToString("N")[..10]);
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "forms-catalog", "forms", "einstiegsgeld", "1.0.2", "form.json"));
        home.Host().Create(home.FormId, Encoding.UTF8.GetBytes(source.Replace("\"id\": \"einstiegsgeld\"", $"\"id\": \"{home.FormId}\"")), "autor");
        return home;
    }

    [SkippableFact]
    public async Task Service_files_saved_on_one_host_are_read_on_another_and_published_with_the_version_byte_for_byte()
    {
        var home = await OpenAsync();
        var (hostA, hostB) = (home.Host(), home.Host());
        var files = new DraftServiceFiles(hostA);
        files.Save(home.FormId, 0, new Dictionary<string, string> { ["checklist.json"] = Checklist, ["letters/bewilligung.de.scriban"] = Letter }, "autor").Saved.ShouldBeTrue();

        var onB = new DraftServiceFiles(hostB).Current(home.FormId, null);
        onB.Number.ShouldBe(1);
        onB.Files["checklist.json"].ShouldBe(Checklist);

        hostB.Publish(home.FormId, hostB.Current(home.FormId)!.ETag, "1.0.0", "red").ShouldBeOfType<SaveResult.Published>();
        var published = hostA.ServiceFilesOf(home.FormId, "1.0.0");
        published.Keys.Order(StringComparer.Ordinal).ShouldBe(["checklist.json", "letters/bewilligung.de.scriban"]);
        published["letters/bewilligung.de.scriban"].ShouldBe(Letter);
        published["checklist.json"].ShouldBe(Checklist);
    }

    [SkippableFact]
    public async Task Of_eight_parallel_saves_naming_the_same_set_exactly_one_is_stored()
    {
        var home = await OpenAsync();
        var outcomes = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => new DraftServiceFiles(home.Host()).Save(home.FormId, 0, new Dictionary<string, string> { ["letters/b.de.scriban"] = $"Betreff {i}\nText\n" }, $"autor{i}"))
            .ToList();

        outcomes.Count(o => o.Saved).ShouldBe(1);
        outcomes.Where(o => !o.Saved).ShouldAllBe(o => o.Message.Contains("gespeichert", StringComparison.Ordinal));
        var winner = outcomes.Single(o => o.Saved).Current!.Files["letters/b.de.scriban"];
        new DraftServiceFiles(home.Host()).Current(home.FormId, null).Files["letters/b.de.scriban"].ShouldBe(winner);
    }

    [SkippableFact]
    public async Task A_template_that_does_not_parse_or_never_ends_is_saved_as_work_in_progress_but_not_published()
    {
        var home = await OpenAsync();
        var host = home.Host();
        var files = new DraftServiceFiles(host);
        files.Save(home.FormId, 0, new Dictionary<string, string> { ["letters/kaputt.de.scriban"] = "Betreff\n{{ if }}\n" }, "autor").Saved.ShouldBeTrue();

        var refused = host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.0", "red").ShouldBeOfType<SaveResult.Refused>();
        refused.Reasons.ShouldContain(r => r.StartsWith("letters/kaputt.de.scriban (2,", StringComparison.Ordinal));

        files.Save(home.FormId, 1, new Dictionary<string, string> { ["templates/status-changed.de.scriban"] = "Betreff\n{{ while true }}x{{ end }}\n" }, "autor").Saved.ShouldBeTrue();
        host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.0", "red").ShouldBeOfType<SaveResult.Refused>()
            .Reasons.ShouldContain(r => r.Contains("Schleife", StringComparison.Ordinal));
        host.Versions(home.FormId).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task A_change_of_the_checklist_alone_is_publishable_and_an_unknown_file_or_broken_checklist_is_refused_without_a_row()
    {
        var home = await OpenAsync();
        var host = home.Host();
        host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.0", "red").ShouldBeOfType<SaveResult.Published>();
        host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.1", "red").ShouldBeOfType<SaveResult.Refused>();

        var files = new DraftServiceFiles(host);
        files.Save(home.FormId, 0, new Dictionary<string, string> { ["../../etc/passwd"] = "x" }, "autor").Saved.ShouldBeFalse();
        files.Save(home.FormId, 0, new Dictionary<string, string> { ["checklist.json"] = """{"items": [{"id": "a"}, {"id": "a", "label": "A"}]}""" }, "autor")
            .Problems.Select(p => p.Message).ShouldBe(["Punkt 1 (a): die deutsche Bezeichnung fehlt.", "Die Kennung „a“ kommt 2-mal vor; jede Kennung nur einmal."]);
        files.Current(home.FormId, "1.0.0").Number.ShouldBe(0);

        files.Save(home.FormId, 0, new Dictionary<string, string> { ["checklist.json"] = Checklist }, "autor").Saved.ShouldBeTrue();
        host.ServiceFilesChanged(home.FormId, "1.0.0").ShouldBeTrue();
        host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.1", "red").ShouldBeOfType<SaveResult.Published>();
        host.ServiceFilesOf(home.FormId, "1.0.1")["checklist.json"].ShouldBe(Checklist);
        host.ServiceFilesOf(home.FormId, "1.0.0").ShouldBeEmpty();
    }
}

public sealed class DesignerServiceFilesSqliteTests(SqliteTarget target) : DesignerServiceFilesTests(target), IClassFixture<SqliteTarget>;

public sealed class DesignerServiceFilesPostgresTests(PostgresTarget target) : DesignerServiceFilesTests(target), IClassFixture<PostgresTarget>;
