using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// The designer's routing edits and the portal's usage counters in the shared operations tables, on SQLite and PostgreSQL:
/// who may save, exactly one of parallel saves of one revision, and counters that add up exactly when several hosts
/// count and flush at once.
/// </summary>
public abstract class RoutingEditsAndUsageTests(DatabaseTarget target)
{
    private const string Password = "ein-langes-Passwort-2026";

    private async Task<OperationsDatabase> OpenAsync()
    {
        var operations = await OperationsDatabase.OpenAsync(await target.FreshAsync());
        await using var context = operations.CreateContext();
        // The platform's fresh database empties its own tables only; the operations tables of an earlier test stay.
        await context.DesignerAuthors.ExecuteDeleteAsync();
        await context.TenantRoutingEdits.ExecuteDeleteAsync();
        await context.UsageCounters.ExecuteDeleteAsync();
        return operations;
    }

    private static ServiceRoutingEditor Editor(OperationsDatabase operations, out AuthorAccounts accounts)
    {
        accounts = new AuthorAccounts(new DatabaseAuthorStore(new SharedCatalog(operations)));
        accounts.Create("redaktion", "Redaktion", Password, AuthorRole.Editor);
        accounts.Create("autor", "Autor", Password, AuthorRole.Author);
        return new ServiceRoutingEditor(new ServiceRouting(Path.Combine(RepositoryPaths.Root, "forms-catalog", "tenants")), accounts, new TenantRoutingEdits(operations));
    }

    private static FormEngine But() =>
        FormEngine.Load(Path.Combine(RepositoryPaths.Root, "forms-catalog", "forms", "bildung-und-teilhabe", "1.0.2", "form.json"), catalogRoot: Path.Combine(RepositoryPaths.Root, "forms-catalog")).Engine!;

    [SkippableFact]
    public async Task Only_Redaktion_saves_a_routing_and_each_save_is_a_new_revision_that_names_who_saved()
    {
        var operations = await OpenAsync();
        var editor = Editor(operations, out _);

        (await editor.SaveAsync("autor", "nrw", "grundsicherung", "jobcenter", [], 0, null)).Single().Code.ShouldBe(RoutingEditCode.NotEditor);
        (await editor.SaveAsync("niemand", "nrw", "grundsicherung", "jobcenter", [], 0, null)).Single().Code.ShouldBe(RoutingEditCode.NotSignedIn);
        var before = await editor.CurrentAsync("nrw", "grundsicherung", []);
        (before.Role, before.Source, before.Revision, before.Rules.Count).ShouldBe(("sozialamt", RoutingSource.TenantFile, 0, 0));

        (await editor.SaveAsync("redaktion", "nrw", "grundsicherung", "jobcenter", [], 0, null)).ShouldBeEmpty();
        (await editor.SaveAsync("redaktion", "nrw", "grundsicherung", "sozialamt", [], 1, null)).ShouldBeEmpty();

        var current = await editor.CurrentAsync("nrw", "grundsicherung", []);
        (current.Role, current.Source, current.Revision, current.SavedBy).ShouldBe(("sozialamt", RoutingSource.Designer, 2, "redaktion"));
        (await editor.HistoryAsync("nrw", "grundsicherung")).Select(h => (h.Revision, h.Role, h.SavedBy)).ShouldBe([(2, "sozialamt", "redaktion"), (1, "jobcenter", "redaktion")]);
    }

    [SkippableFact]
    public async Task A_form_no_tenant_file_names_counts_as_routed_where_Redaktion_assigned_it_in_the_designer()
    {
        var operations = await OpenAsync();
        var editor = Editor(operations, out _);

        (await editor.RoutedTenantsAsync("neues-formular", [])).ShouldBeEmpty();
        (await editor.SaveAsync("redaktion", "nrw", "neues-formular", "sozialamt", [], 0, null)).ShouldBeEmpty();

        (await editor.RoutedTenantsAsync("neues-formular", [])).ShouldBe(["nrw"]);
        (await editor.RoutedTenantsAsync("grundsicherung", [])).ShouldContain("nrw");
    }

    [SkippableFact]
    public async Task A_role_the_tenant_has_nowhere_an_unknown_field_or_option_and_hostile_text_are_refused_and_nothing_is_stored()
    {
        var operations = await OpenAsync();
        var editor = Editor(operations, out _);
        var form = But().Definition;

        (await editor.SaveAsync("redaktion", "nrw", "bildung-und-teilhabe", "<script>alert(1)</script>", [], 0, form))
            .ShouldBe([new RoutingEditProblem(RoutingEditCode.UnknownRole, "<script>alert(1)</script>")]);
        (await editor.SaveAsync("redaktion", "../nrw", "bildung-und-teilhabe", "sozialamt", [], 0, form)).Single().Code.ShouldBe(RoutingEditCode.UnknownTenant);
        (await editor.SaveAsync("redaktion", "nrw", "bildung-und-teilhabe", "", [], 0, form)).Single().Code.ShouldBe(RoutingEditCode.NoRole);
        var problems = await editor.SaveAsync("redaktion", "nrw", "bildung-und-teilhabe", "sozialamt",
            [new EditedAnswerRule("gibtesnicht", ["x"], "asylbewerberleistungen"), new EditedAnswerRule("leistungsbezug", ["asylblg", "erfunden"], "sozialamt"),
             new EditedAnswerRule("leistungsbezug", [], "mondbehoerde")], 0, form);
        problems.ShouldBe([
            new RoutingEditProblem(RoutingEditCode.UnknownAnswer, "gibtesnicht", 1),
            new RoutingEditProblem(RoutingEditCode.UnknownValue, "erfunden", 2),
            new RoutingEditProblem(RoutingEditCode.NoValues, "", 3),
            new RoutingEditProblem(RoutingEditCode.UnknownRole, "mondbehoerde", 3)]);
        RoutingTexts.German(problems[1]).ShouldBe("Regel 2: „erfunden“ ist keine Auswahl dieses Feldes.");

        (await editor.HistoryAsync("nrw", "bildung-und-teilhabe")).ShouldBeEmpty();
        (await editor.SaveAsync("redaktion", "nrw", "bildung-und-teilhabe", "sozialamt", [new EditedAnswerRule("leistungsbezug", ["asylblg"], "asylbewerberleistungen")], 0, form)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Of_eight_saves_from_the_same_revision_on_two_hosts_exactly_one_is_stored()
    {
        var operations = await OpenAsync();
        var hostA = Editor(operations, out _);
        var hostB = new ServiceRoutingEditor(new ServiceRouting(Path.Combine(RepositoryPaths.Root, "forms-catalog", "tenants")),
            new AuthorAccounts(new DatabaseAuthorStore(new SharedCatalog(operations))), new TenantRoutingEdits(operations));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? hostA : hostB).SaveAsync("redaktion", "nrw", "suchtberatung", i % 3 == 0 ? "jobcenter" : "sozialamt", [], 0, null))));

        results.Count(r => r.Count == 0).ShouldBe(1);
        results.Where(r => r.Count > 0).ShouldAllBe(r => r.Single().Code == RoutingEditCode.Conflict);
        (await hostB.HistoryAsync("nrw", "suchtberatung")).Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Counts_of_many_threads_on_two_hosts_flushing_at_the_same_time_add_up_exactly()
    {
        var operations = await OpenAsync();
        var hosts = new[] { new UsageCounters(operations), new UsageCounters(operations) };
        var flushing = true;
        var flushes = hosts.Select(host => Task.Run(async () =>
        {
            while (Volatile.Read(ref flushing)) await host.FlushAsync();
        })).ToList();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var host = hosts[(thread + i) % 2];
                host.Record("f", "1.0.0", "", UsageKinds.Started);
                host.Record("f", "1.0.0", "seite" + (i % 3), UsageKinds.Reached);
            }
        })));
        Volatile.Write(ref flushing, false);
        await Task.WhenAll(flushes);
        foreach (var host in hosts) await host.FlushAsync();

        var report = await new UsageFigures(operations).ForVersionAsync("f", "1.0.0", ["seite0", "seite1", "seite2"], 10);
        report.Started.ShouldBe(8000);
        report.Pages.Select(p => p.Reached).ShouldBe([16 * 167L, 16 * 167L, 16 * 166L]);
    }

    [SkippableFact]
    public async Task Figures_below_the_minimum_group_size_are_withheld_and_the_median_comes_from_the_histogram()
    {
        var operations = await OpenAsync();
        var counters = new UsageCounters(operations);
        counters.Record("klein", "1.0.0", "", UsageKinds.Started, count: 9);
        counters.Record("gross", "1.0.0", "", UsageKinds.Started, count: 30);
        counters.Record("gross", "1.0.0", "a", UsageKinds.Reached, count: 30);
        counters.Record("gross", "1.0.0", "a", UsageKinds.Passed, count: 21);
        counters.Record("gross", "1.0.0", "a", UsageKinds.Error, "name|required", 12);
        counters.Record("gross", "1.0.0", "a", UsageKinds.Error, "email|pattern", 9);
        counters.Record("gross", "1.0.0", "b", UsageKinds.Reached, count: 21);
        counters.Record("gross", "1.0.0", "b", UsageKinds.Passed, count: 20);
        foreach (var seconds in new[] { 3, 3, 3, 25, 25, 25, 25, 25, 70, 70, 70, 4000 })
            counters.RecordTime("gross", "1.0.0", "a", TimeSpan.FromSeconds(seconds));
        await counters.FlushAsync();
        var figures = new UsageFigures(operations);

        (await figures.ForVersionAsync("klein", "1.0.0", [], 10)).Withheld.ShouldBeTrue();
        (await figures.ForVersionAsync("klein", "1.0.0", [], 10)).Pages.ShouldBeEmpty();
        var report = await figures.ForVersionAsync("gross", "1.0.0", ["a", "b"], 10);
        report.Started.ShouldBe(30);
        report.Submitted.ShouldBeNull();
        var (a, b) = (report.Pages[0], report.Pages[1]);
        a.Reached.ShouldBe(30);
        a.Passed.ShouldBe(21);
        a.Stopped.ShouldBeNull(); // 9 stopped: fewer than 10
        a.TopErrors.ShouldBe([new ErrorUsage("name", "required", 12)]);
        a.MedianTime.ShouldBe((20, 30));
        (b.Reached, b.Passed, b.Stopped).ShouldBe(((long?)21, (long?)20, (long?)null));
        b.MedianTime.ShouldBeNull();
    }
}

public sealed class RoutingEditsAndUsageSqliteTests(SqliteTarget target) : RoutingEditsAndUsageTests(target), IClassFixture<SqliteTarget>;

public sealed class RoutingEditsAndUsagePostgresTests(PostgresTarget target) : RoutingEditsAndUsageTests(target), IClassFixture<PostgresTarget>;
