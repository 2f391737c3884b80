using Microsoft.EntityFrameworkCore;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Storage;

/// <summary>
/// The check every host makes (at most every 2 s) whether another host changed a centre: a sum over the tenant's
/// revisions that changes with every change, read from the (Tenant, Revision) index instead of the rows and their JSON.
/// </summary>
public sealed class CentreSignatureTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    [SkippableFact]
    public async Task The_signature_changes_with_every_import_and_edit_and_only_for_its_tenant()
    {
        var centres = await CentresDatabases.FreshAsync(target);
        var store = new CentreStore(centres);
        var empty = await store.SignatureAsync("nrw");

        var (_, id) = await store.ImportAsync("nrw", TestCentres.Centre("koeln-1", TestCentres.Koeln), "import");
        var imported = await store.SignatureAsync("nrw");
        var original = (await store.FindAsync(id))!;
        await store.SaveWorkingAsync(id, TestCentres.Centre("koeln-1", TestCentres.Koeln) with { Phone = "+49 221 777777" }, original.Revision, "editor");
        var edited = await store.SignatureAsync("nrw");
        await store.ImportAsync("hessen", TestCentres.Centre("koeln-1", TestCentres.Koeln), "import");

        imported.ShouldNotBe(empty);
        edited.ShouldNotBe(imported);
        (await store.SignatureAsync("nrw")).ShouldBe(edited, "another tenant's centre changes nothing here");
    }

    [SkippableFact]
    public async Task The_signature_is_read_from_the_revision_index()
    {
        var centres = await CentresDatabases.FreshAsync(target);
        await using var context = centres.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = """EXPLAIN QUERY PLAN SELECT COALESCE(SUM(CAST("c"."Revision" AS INTEGER) + 1), 0) FROM "centres" AS "c" WHERE "c"."Tenant" = 'nrw'""";
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        plan.ShouldContain(step => step.Contains("COVERING INDEX IX_centres_Tenant_Revision"), string.Join(" / ", plan));
    }
}
