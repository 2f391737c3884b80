using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// When the storage cannot take writes (SQLite reports SQLITE_FULL), the citizen is told that saving is not
/// possible right now, the input stays in the form, and the stored draft keeps its last saved state.
/// </summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task A_page_posted_while_the_disk_is_full_comes_back_with_the_input_and_can_be_sent_again_later()
    {
        var disk = new SwitchableFullDisk();
        using var portal = Portal(disk);
        var client = portal.Browse();
        var page = await Journeys.FirstPageAsync(client, "kontakt");

        disk.Full = true;
        var refused = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = "Ich brauche einen Termin.", ["email"] = "sonne@example.org",
        }, "next");

        refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.SummaryErrors.ShouldContain(e => e.StartsWith("Ihre Angaben können gerade nicht gespeichert werden. Es geht nichts verloren"));
        refused.Document.QuerySelector("textarea[name=nachricht]")!.TextContent.ShouldBe("Ich brauche einen Termin.");
        refused.Document.QuerySelector("input[name=email]")!.GetAttribute("value").ShouldBe("sonne@example.org");
        refused.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();

        disk.Full = false;
        (await client.GetAsync(page.Path)).Document.QuerySelector("textarea[name=nachricht]")!.TextContent.ShouldBeEmpty("nothing half-saved");
        var summary = await client.SubmitAsync(refused, "/senden", button: "next");
        summary.Path.ShouldEndWith("/zusammenfassung", Case.Sensitive, "the form as it came back is sent again");
        summary.Html.ShouldContain("Ich brauche einen Termin.");
    }

    [Fact]
    public async Task Starting_an_application_on_a_full_disk_says_that_saving_is_not_possible_right_now()
    {
        var disk = new SwitchableFullDisk();
        using var portal = Portal(disk);
        var client = portal.Browse();
        var service = await client.GetAsync("/de/leistungen/kontakt");

        disk.Full = true;
        var refused = await client.SubmitAsync(service, "/starten");

        refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Text("h1").ShouldBe("Speichern ist gerade nicht möglich");
        refused.Html.ShouldContain("Ihre bisher gespeicherten Angaben gehen nicht verloren.");
    }

    [Fact]
    public async Task Choosing_the_place_on_a_full_disk_says_so_instead_of_silently_forgetting_the_choice()
    {
        var disk = new SwitchableFullDisk();
        using var portal = Portal(disk);
        var client = portal.Browse();
        var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/kontakt"), "/starten");

        disk.Full = true;
        var refused = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });

        refused.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Text("h1").ShouldBe("Speichern ist gerade nicht möglich");
    }

    private static LimitedPortal Portal(SwitchableFullDisk disk)
    {
        LimitedPortal? portal = null;
        portal = new LimitedPortal(services => services.AddSingleton(_ =>
            SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = portal!.Folders.Data }, CancellationToken.None, disk).GetAwaiter().GetResult()));
        return portal;
    }

    /// <summary>
    /// Makes every write fail as SQLite does on a full disk, while <see cref="Full"/> is set: <c>SaveChanges</c>, and the
    /// statements that write without it (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, e.g. a draft's save).
    /// </summary>
    private sealed class SwitchableFullDisk : SaveChangesInterceptor, IDbCommandInterceptor
    {
        private const int SqliteFull = 13;

        public volatile bool Full;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Full ? throw DiskFull() : base.SavingChangesAsync(eventData, result, cancellationToken);

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Full && IsWrite(command) ? throw DiskFull() : ValueTask.FromResult(result);

        private static bool IsWrite(DbCommand command) =>
            command.CommandText.TrimStart().Split(' ', 2)[0].ToUpperInvariant() is "UPDATE" or "DELETE" or "INSERT";

        private static SqliteException DiskFull() => new("SQLite Error 13: 'database or disk is full'.", SqliteFull);
    }
}
