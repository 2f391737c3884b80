using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// The catalog's shared home: a version published in the designer of one host is served by the portal of every host on
/// the database within seconds, without restart; drafts and author accounts are the same on every host; a published
/// version never changes. Two hosts on one PostgreSQL database, and one host on SQLite (the same code path).
/// </summary>
public sealed partial class PublishingLiveTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    private const string Author = "redaktion";
    private const string Password = "Ein-langes-Redaktionspasswort";

    [SkippableFact]
    public async Task A_form_published_on_host_A_is_served_by_the_portal_of_host_B_without_restart()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        (await hostB.CreateClient().GetAsync("/de/leistungen/wohngeld-neu")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var published = PublishNew(hostA, "wohngeld-neu", "Wohngeld (neu im Designer)");

        published.ShouldBeOfType<SaveResult.Published>().Version.ShouldBe("1.0.0");
        var page = await WaitForAsync(hostB, "/de/leistungen/wohngeld-neu");
        page.ShouldContain("Wohngeld (neu im Designer)");
        (await hostA.CreateClient().GetStringAsync("/de/leistungen/wohngeld-neu")).ShouldContain("Wohngeld (neu im Designer)");
    }

    [SkippableFact]
    public async Task A_draft_saved_on_host_A_is_opened_on_host_B_and_a_save_over_an_old_copy_is_a_conflict()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        var workspaceA = hostA.Services.GetRequiredService<FormWorkspace>();
        var workspaceB = hostB.Services.GetRequiredService<FormWorkspace>();
        var created = workspaceA.Create("entwurf-geteilt", NewForms.Blank("entwurf-geteilt", "Geteilter Entwurf"), "anna");

        var openedOnB = workspaceB.Open("entwurf-geteilt", "bert");
        var savedOnB = workspaceB.Save("entwurf-geteilt", NewForms.Blank("entwurf-geteilt", "Von Bert geändert"), openedOnB.ETag, "bert");
        var staleOnA = workspaceA.Save("entwurf-geteilt", NewForms.Blank("entwurf-geteilt", "Von Anna, veraltet"), created.ETag, "anna");

        openedOnB.Content.ShouldBe(created.Content);
        savedOnB.ShouldBeOfType<SaveResult.Saved>();
        staleOnA.ShouldBeOfType<SaveResult.Conflict>().Current.SavedBy.ShouldBe("bert");
        workspaceA.Current("entwurf-geteilt")!.Content.ShouldBe(NewForms.Blank("entwurf-geteilt", "Von Bert geändert"));
    }

    [SkippableFact]
    public async Task An_author_created_on_host_A_logs_in_on_host_B()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        hostA.Services.GetRequiredService<AuthorAccounts>().Create(Author, "Redaktion", Password);

        var browser = Browser(hostB);
        var wrong = await LogInAsync(browser, "ein-falsches-Passwort");
        var right = await LogInAsync(browser, Password);

        wrong.Headers.Location!.ToString().ShouldBe("/designer/login?failed=1");
        right.Headers.Location!.ToString().ShouldBe("/designer");
        (await browser.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_published_version_is_never_overwritten_neither_by_the_designer_nor_by_a_second_row()
    {
        var host = portals.Host(Designer);
        PublishNew(host, "unveraenderlich", "Unveränderlich");
        var workspace = host.Services.GetRequiredService<FormWorkspace>();
        var shared = host.Services.GetRequiredService<SharedCatalog>();
        var stored = shared.Published("unveraenderlich", "1.0.0")!;
        var draft = workspace.Save("unveraenderlich", NewForms.Blank("unveraenderlich", "Anders"), workspace.Current("unveraenderlich")!.ETag, Author);

        var again = workspace.Publish("unveraenderlich", ((SaveResult.Saved)draft).Draft.ETag, "1.0.0", Author);
        var secondRow = shared.TryPublish(new PublishedFormVersion { FormId = "unveraenderlich", Version = "1.0.0", Content = "{}"u8.ToArray(), ContentHash = "x", PublishedBy = "angreifer" });

        again.ShouldBeOfType<SaveResult.Refused>().Reasons.ShouldContain("Version 1.0.0 ist schon veröffentlicht; veröffentlichte Versionen ändern sich nie. Bitte eine höhere Versionsnummer wählen.");
        secondRow.ShouldBeFalse();
        var after = shared.Published("unveraenderlich", "1.0.0")!;
        after.Content.ShouldBe(stored.Content);
        (after.ContentHash, after.PublishedBy).ShouldBe((stored.ContentHash, stored.PublishedBy));
        (await portals.ScalarAsync<long>("SELECT count(*) FROM published_form_versions WHERE \"FormId\" = 'unveraenderlich'")).ShouldBe(1);
    }

    [SkippableFact]
    public async Task An_application_started_on_the_old_version_stays_on_it_after_a_new_version_is_published()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        PublishNew(hostA, "versioniert", "Versioniert eins");
        await WaitForAsync(hostB, "/de/leistungen/versioniert");
        var workspace = hostA.Services.GetRequiredService<FormWorkspace>();
        var draft = workspace.Save("versioniert", NewForms.Blank("versioniert", "Versioniert zwei"), workspace.Current("versioniert")!.ETag, Author);

        workspace.Publish("versioniert", ((SaveResult.Saved)draft).Draft.ETag, "2.0.0", Author).ShouldBeOfType<SaveResult.Published>();

        var catalogB = hostB.Services.GetRequiredService<Web.Catalog.FormCatalog>();
        (await WaitForAsync(hostB, "/de/leistungen/versioniert", "Versioniert zwei")).ShouldContain("Versioniert zwei");
        catalogB.Latest("versioniert")!.Version.ShouldBe("2.0.0");
        catalogB.Find("versioniert", "1.0.0")!.Definition.Title.Get("de").ShouldBe("Versioniert eins");
    }

    [Fact]
    public async Task On_SQLite_a_form_published_in_the_designer_is_served_by_the_same_host_without_restart()
    {
        await using var host = new DesignerPortal();
        PublishNew(host, "sqlite-neu", "Neu auf SQLite");

        (await WaitForAsync(host, "/de/leistungen/sqlite-neu")).ShouldContain("Neu auf SQLite");
        host.Services.GetRequiredService<SharedCatalog>().Published("sqlite-neu", "1.0.0").ShouldNotBeNull();
        Directory.Exists(Path.Combine(host.Folders.Catalog, "forms", "sqlite-neu")).ShouldBeFalse();
    }

    [Fact]
    public async Task Authors_and_drafts_of_the_files_of_an_earlier_version_are_taken_over_once_into_the_database()
    {
        await using var host = new DesignerPortal();
        var data = Path.Combine(host.Folders.Data, "designer");
        new AuthorAccounts(Path.Combine(data, "authors.json")).Create("alt-autorin", "Alte Autorin", Password);
        new FormWorkspace(new WorkspaceOptions { CatalogDirectory = host.Folders.Catalog, DraftDirectory = Path.Combine(data, "drafts") })
            .Create("alt-entwurf", NewForms.Blank("alt-entwurf", "Alter Entwurf"), "alt-autorin");

        host.Services.GetRequiredService<AuthorAccounts>().Verify("alt-autorin", Password).ShouldNotBeNull();
        host.Services.GetRequiredService<FormWorkspace>().Current("alt-entwurf")!.SavedBy.ShouldBe("alt-autorin");
        File.Exists(Path.Combine(data, "authors.json")).ShouldBeFalse();
        Directory.GetFiles(data, "authors.json.imported-*").ShouldHaveSingleItem();
        Directory.Exists(Path.Combine(data, "drafts")).ShouldBeFalse();
    }

    private static void Designer(IWebHostBuilder builder) => DesignerPortal.Configure(builder);

    private static SaveResult PublishNew(PortalFactory host, string id, string title)
    {
        var workspace = host.Services.GetRequiredService<FormWorkspace>();
        var draft = workspace.Create(id, NewForms.Blank(id, title), Author);
        return workspace.Publish(id, draft.ETag, "1.0.0", Author);
    }

    /// <summary>Asks the host for the page until it answers 200 (with <paramref name="text"/>); the 2-minute ceiling is for a busy machine (hosts look every 2 s).</summary>
    private static async Task<string> WaitForAsync(PortalFactory host, string path, string? text = null)
    {
        var client = host.CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && (text is null || html.Contains(text, StringComparison.Ordinal))) return html;
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"{path} still answers {(int)response.StatusCode} without '{text}' after 2 minutes");
            await Task.Delay(100); // between polls of the condition
        }
    }

    private static HttpClient Browser(PortalFactory host) =>
        host.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

    private static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string password)
    {
        var page = await client.GetStringAsync("/designer/login");
        return await client.PostAsync("/designer/session", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = Author, ["password"] = password, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A SQLite portal host whose designer edits its test catalog and keeps its files in the host's data folder.</summary>
    private sealed class DesignerPortal : PortalFactory
    {
        public static void Configure(IWebHostBuilder builder) => builder.UseSetting("Designer:RequireSecondFactor", "false");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Configure(builder);
        }
    }
}
