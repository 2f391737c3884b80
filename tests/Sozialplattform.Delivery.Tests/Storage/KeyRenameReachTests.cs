using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing.Renaming;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// A key rename on the platform database: the rewritten letter is saved as the draft's next service-file set (another
/// host reads it, the published version carries it), and the answer rule Redaktion saved in the designer keeps the old
/// path while the renamed version is a draft and is switched — as a new revision by the publisher — when it is published;
/// a rule naming an answer the new version lacks without a recorded rename keeps the version unpublished.
/// </summary>
public abstract class KeyRenameReachTests(DatabaseTarget target)
{
    private const string Password = "ein-langes-Passwort-2026";
    private const string Letter = "letters/bewilligung.de.scriban";
    private const string LetterText = "Bescheid {{ reference_number }}\nSie beziehen: {{ answers.leistungsbezug }} ({{ answers[\"leistungsbezug\"] }}).\n";

    private sealed record Home(OperationsDatabase Operations, string FormId, AuthorAccounts Accounts)
    {
        public FormWorkspace Host() => new(
            new WorkspaceOptions { CatalogDirectory = Path.Combine(RepositoryPaths.Root, "forms-catalog"), DraftDirectory = Path.Combine(Path.GetTempPath(), "unused-drafts") },
            store: new DatabaseFormStore(new SharedCatalog(Operations)));

        public ServiceRoutingEditor Editor() =>
            new(new ServiceRouting(Path.Combine(RepositoryPaths.Root, "forms-catalog", "tenants")), Accounts, new TenantRoutingEdits(Operations));
    }

    private async Task<Home> OpenAsync()
    {
        var operations = await OperationsDatabase.OpenAsync(await target.FreshAsync());
        await using (var context = operations.CreateContext())
        {
            await context.DesignerAuthors.ExecuteDeleteAsync();
            await context.TenantRoutingEdits.ExecuteDeleteAsync();
        }

        var accounts = new AuthorAccounts(new DatabaseAuthorStore(new SharedCatalog(operations)));
        accounts.Create("redaktion", "Redaktion", Password, AuthorRole.Editor);
        accounts.Create("autor", "Autor", Password, AuthorRole.Author);
        var home = new Home(operations, "but-" + Guid.NewGuid().ToString("N")[..10], accounts);
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "forms-catalog", "forms", "bildung-und-teilhabe", "1.0.2", "form.json"));
        home.Host().Create(home.FormId, Encoding.UTF8.GetBytes(source.Replace("\"id\": \"bildung-und-teilhabe\"", $"\"id\": \"{home.FormId}\"")), "autor");
        return home;
    }

    /// <summary>Renames the top-level answer <paramref name="key"/> of the saved draft to <paramref name="newKey"/> with the draft's service files, and saves the draft.</summary>
    private static RenameResult.Renamed Rename(FormWorkspace host, string formId, string key, string newKey)
    {
        var draft = host.Current(formId)!;
        var document = DefinitionDocument.Parse(draft.Content, formId);
        var element = Find(document, key);
        var files = new DraftServiceFiles(host).Current(formId, draft.BaseVersion).Files;
        var renamed = KeyRename.Plan(document.Root, element, newKey, RenameSurroundings.None with { ServiceFiles = files }).ShouldBeOfType<RenameResult.Renamed>();
        document.Apply(renamed.Edit);
        host.Save(formId, document.ToUtf8(), draft.ETag, "autor").ShouldBeOfType<SaveResult.Saved>();
        return renamed;
    }

    private static void Published(SaveResult result) =>
        (result is SaveResult.Refused refused ? string.Join(" | ", refused.Reasons) : result.GetType().Name).ShouldBe(nameof(SaveResult.Published));

    private static DocumentPath Find(DefinitionDocument document, string key)
    {
        var pages = document.Root["pages"]!.AsArray();
        for (var p = 0; p < pages.Count; p++)
        {
            var items = pages[p]!["items"]!.AsArray();
            for (var i = 0; i < items.Count; i++)
                if (items[i]!["key"]?.ToString() == key) return DocumentPath.Parse($"pages[{p}].items[{i}]");
        }

        throw new InvalidOperationException(key);
    }

    [SkippableFact]
    public async Task The_rewritten_letter_is_the_next_saved_set_another_host_reads_and_the_published_version_carries()
    {
        var home = await OpenAsync();
        var (hostA, hostB) = (home.Host(), home.Host());
        new DraftServiceFiles(hostA).Save(home.FormId, 0, new Dictionary<string, string> { [Letter] = LetterText }, "autor").Saved.ShouldBeTrue();

        var renamed = Rename(hostA, home.FormId, "leistungsbezug", "bezug");
        var saved = new DraftServiceFiles(hostA).Save(home.FormId, 1, renamed.ServiceFiles!, "autor");

        saved.Saved.ShouldBeTrue();
        var onB = new DraftServiceFiles(hostB).Current(home.FormId, null);
        onB.Number.ShouldBe(2);
        onB.Files[Letter].ShouldBe("Bescheid {{ reference_number }}\nSie beziehen: {{ answers.bezug }} ({{ answers[\"bezug\"] }}).\n");
        Published(hostB.Publish(home.FormId, hostB.Current(home.FormId)!.ETag, "1.0.0", "redaktion"));
        hostA.ServiceFilesOf(home.FormId, "1.0.0")[Letter].ShouldContain("answers.bezug");
    }

    [SkippableFact]
    public async Task A_designer_answer_rule_keeps_the_old_path_until_the_renamed_version_is_published_and_is_then_switched_by_the_publisher()
    {
        var home = await OpenAsync();
        var host = home.Host();
        var editor = home.Editor();
        var routing = new RoutingRenames(host, editor);
        Published(host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.0", "redaktion"));
        var published = Sozialplattform.Engine.FormEngine.LoadText(Encoding.UTF8.GetString(host.ReadPublished(home.FormId, "1.0.0")), "but", host.Catalog).Engine!.Definition;
        (await editor.SaveAsync("redaktion", "nrw", home.FormId, "sozialamt", [new EditedAnswerRule("leistungsbezug", ["asylblg"], "asylbewerberleistungen")], 0, published)).ShouldBeEmpty();

        Rename(host, home.FormId, "leistungsbezug", "bezug");
        routing.Record(home.FormId, "1.0.0", "leistungsbezug", "bezug", "autor").ShouldBeTrue();

        (await editor.CurrentAsync("nrw", home.FormId, [])).Rules.Single().Answer.ShouldBe("leistungsbezug");
        var plan = await routing.PlanDraftAsync(home.FormId);
        plan.Problems.ShouldBeEmpty();
        plan.Switches.Single().Answers.ShouldBe([("leistungsbezug", "bezug")]);
        Published(host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.1.0", "redaktion"));

        (await routing.ApplyAsync("autor", home.FormId, plan)).Single().ShouldContain("NICHT umgestellt");
        (await routing.ApplyAsync("redaktion", home.FormId, plan)).Single().ShouldStartWith("Zuständigkeit bei „nrw“ umgestellt");
        var now = await editor.CurrentAsync("nrw", home.FormId, []);
        (now.Revision, now.SavedBy).ShouldBe((2, "redaktion"));
        var rule = now.Rules.ShouldHaveSingleItem();
        (rule.Answer, string.Join(",", rule.Values), rule.Role).ShouldBe(("bezug", "asylblg", "asylbewerberleistungen"));
        rule.Formerly.ShouldBe(["leistungsbezug"]);
        routing.Since(home.FormId, "1.1.0").ShouldBeEmpty();

    }

    [SkippableFact]
    public async Task A_designer_answer_rule_naming_an_answer_the_new_version_lacks_without_a_recorded_rename_keeps_it_unpublished()
    {
        var home = await OpenAsync();
        var host = home.Host();
        var editor = home.Editor();
        Published(host.Publish(home.FormId, host.Current(home.FormId)!.ETag, "1.0.0", "redaktion"));
        var published = Sozialplattform.Engine.FormEngine.LoadText(Encoding.UTF8.GetString(host.ReadPublished(home.FormId, "1.0.0")), "but", host.Catalog).Engine!.Definition;
        (await editor.SaveAsync("redaktion", "nrw", home.FormId, "sozialamt", [new EditedAnswerRule("leistungsbezug", ["asylblg"], "asylbewerberleistungen")], 0, published)).ShouldBeEmpty();

        Rename(host, home.FormId, "leistungsbezug", "bezug");
        var plan = await new RoutingRenames(host, editor).PlanDraftAsync(home.FormId);

        plan.Switches.ShouldBeEmpty();
        plan.Problems.Single().ShouldContain("„nrw“");
        plan.Problems.Single().ShouldContain("„leistungsbezug“");
    }
}

public sealed class KeyRenameReachSqliteTests(SqliteTarget target) : KeyRenameReachTests(target), IClassFixture<SqliteTarget>;

public sealed class KeyRenameReachPostgresTests(PostgresTarget target) : KeyRenameReachTests(target), IClassFixture<PostgresTarget>;
