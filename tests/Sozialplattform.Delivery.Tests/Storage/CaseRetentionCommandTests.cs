using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// <c>sozial case deletions</c> and <c>sozial case due</c>: the tenant's deletion log as table, CSV and JSON, limited by
/// days, never another tenant's rows, CSV fields that a spreadsheet would run made inert; the due cases from the
/// tenant's <c>caseRetention</c>; bad options refused.
/// </summary>
public sealed class CaseRetentionCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("sozial-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run([.. args, "--data", _data], output, error, RepositoryPaths.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Case_deletions_lists_the_tenants_log_by_days_as_csv_and_json_and_never_another_tenants_rows()
    {
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        await using (var context = database.CreateContext())
        {
            context.CaseDeletions.AddRange(
                Deletion(Samples.Tenant, "SP-2026-AAAA-0001", new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc)),
                Deletion(Samples.Tenant, "=HYPERLINK(\"http://x\",\"a,b\")", new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc)),
                Deletion("anderer-mandant", "SP-2026-FREM-D001", new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)));
            await context.SaveChangesAsync();
        }

        var (exit, csv, error) = Run("case", "deletions", "--tenant", Samples.Tenant, "--format", "csv");
        (exit, error).ShouldBe((0, ""));
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "reference,form,version,authority,submitted,closed,deleted,retentionDays,approvedBy",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\",buergergeld,1.0.0,jobcenter-inbox,2020-01-01T00:00:00Z,2020-02-01T00:00:00Z,2026-12-02T08:00:00Z,3650,system",
            "SP-2026-AAAA-0001,buergergeld,1.0.0,jobcenter-inbox,2020-01-01T00:00:00Z,2020-02-01T00:00:00Z,2026-11-30T10:00:00Z,3650,system",
        ]);

        var json = Run("case", "deletions", "--tenant", Samples.Tenant, "--from", "2026-11-30", "--to", "2026-12-01", "--format", "json");
        json.Exit.ShouldBe(0);
        var rows = JsonNode.Parse(json.Out)!.AsArray();
        rows.Select(r => r!["reference"]!.GetValue<string>()).ShouldBe(["SP-2026-AAAA-0001"], "--to is exclusive, --from inclusive");
        Run("case", "deletions", "--tenant", Samples.Tenant).Out.ShouldContain("SP-2026-AAAA-0001");
        Run("case", "deletions", "--tenant", Samples.Tenant).Out.ShouldNotContain("FREM");
        Run("case", "deletions", "--tenant", "leer").Out.Trim().ShouldBe("(none)");

        Run("case", "deletions", "--tenant", Samples.Tenant, "--format", "xml").Exit.ShouldBe(2);
        Run("case", "deletions", "--tenant", Samples.Tenant, "--from", "30.11.2026").Exit.ShouldBe(2);
        Run("case", "deletions", "--tenant", Samples.Tenant, "--limit", "-1").Exit.ShouldBe(2);
        Run("case", "deletions").Exit.ShouldBe(2);
    }

    [Fact]
    public async Task Case_due_lists_the_closed_cases_past_the_tenants_retention_period_and_not_the_open_ones()
    {
        var tenants = Path.Combine(_data, "tenants");
        CopyFolder(Path.Combine(RepositoryPaths.Root, "forms-catalog", "tenants", "nrw"), Path.Combine(tenants, Samples.Tenant));
        var settings = Path.Combine(tenants, Samples.Tenant, "tenant.json");
        var tenant = JsonNode.Parse(File.ReadAllText(settings))!.AsObject();
        tenant["id"] = Samples.Tenant;
        tenant["caseRetention"] = new JsonObject { ["defaultDays"] = 30 };
        File.WriteAllText(settings, tenant.ToJsonString());
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        await Samples.AddAuthoritiesAsync(database, Samples.Authority("jobcenter-inbox", "inbox"));
        var store = new SubmissionStore(database);
        var closed = (await store.AcceptAsync(Samples.Submission("due-closed"), [new Destination("jobcenter-inbox", "")])).Submission;
        var open = (await store.AcceptAsync(Samples.Submission("due-open"), [new Destination("jobcenter-inbox", "")])).Submission;
        await using (var context = database.CreateContext())
        {
            await context.Submissions.Where(s => s.Id == closed.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubmissionStatus.Closed));
            context.StatusEvents.Add(new StatusEvent { SubmissionId = closed.Id, Status = SubmissionStatus.Closed, Actor = "test", CreatedAt = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc) });
            await context.SaveChangesAsync();
        }

        var (exit, output, error) = Run("case", "due", "--tenant", Samples.Tenant, "--tenants", tenants, "--format", "json");

        (exit, error).ShouldBe((0, ""));
        var rows = JsonNode.Parse(output)!.AsArray();
        rows.Select(r => r!["reference"]!.GetValue<string>()).ShouldBe([closed.ReferenceNumber]);
        rows[0]!["dueSince"]!.GetValue<DateTime>().ShouldBe(new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        output.ShouldNotContain(open.ReferenceNumber);
        Run("case", "due", "--tenant", "gibt-es-nicht", "--tenants", tenants).Exit.ShouldBe(1);
    }

    private static CaseDeletion Deletion(string tenant, string reference, DateTime deletedAt) => new()
    {
        SubmissionId = Guid.NewGuid(), TenantId = tenant, AuthorityId = "jobcenter-inbox", ReferenceNumber = reference, FormId = "buergergeld", FormVersion = "1.0.0",
        SubmittedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), ClosedAt = new DateTime(2020, 2, 1, 0, 0, 0, DateTimeKind.Utc), RetentionDays = 3650,
        DeletedAt = deletedAt, ApprovedBy = "system",
    };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
