using System.Net;
using System.Text.RegularExpressions;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.CrashTests;

/// <summary>
/// The staff's part of the multi-host test: a caseworker's inbox session and an author's designer session through the
/// balancer (no sticky sessions), and a version published in the designer's store served by both hosts.
/// </summary>
public sealed partial class MultiHostTests
{
    private const string StaffPassword = "Mehrrechner-Test-2026";

    /// <summary>A caseworker and an author sign in through nginx and go on working; their requests reach both hosts, none refused.</summary>
    private async Task StaffSessionsAlternateAsync(NginxBalancer nginx)
    {
        var platform = await OpenAsync();
        await new CaseworkerAccounts(platform).CreateAsync("mehrrechner-sb", "Sachbearbeitung", StaffPassword, "crash", CrashFolders.Authority);
        var operations = await OperationsDatabase.OpenAsync(platform);
        new AuthorAccounts(new DatabaseAuthorStore(new SharedCatalog(operations))).Create("mehrrechner-autorin", "Autorin", StaffPassword);
        var before = nginx.Requests().Count;

        var caseworker = Browser(nginx.BaseUrl);
        var login = await caseworker.GetAsync("/posteingang/anmelden");
        var inbox = await caseworker.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "mehrrechner-sb", ["password"] = StaffPassword });
        inbox.Path.ShouldBe("/posteingang", inbox.Html);
        for (var i = 0; i < 3; i++) (await caseworker.GetAsync("/posteingang")).Path.ShouldBe("/posteingang");

        var author = Browser(nginx.BaseUrl);
        var page = await author.Http.GetStringAsync("/designer/login");
        var session = await author.Http.PostAsync("/designer/session", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "mehrrechner-autorin", ["password"] = StaffPassword, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
        session.Headers.Location!.ToString().ShouldBe("/designer");
        for (var i = 0; i < 3; i++) (await author.Http.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var staff = nginx.Requests().Skip(before).ToList();
        staff.Where(r => r.Path.StartsWith("/posteingang", StringComparison.Ordinal)).Select(r => r.Host).Distinct().Count().ShouldBe(2, "the inbox session is understood by both hosts");
        staff.Where(r => r.Path.StartsWith("/designer", StringComparison.Ordinal)).Select(r => r.Host).Distinct().Count().ShouldBe(2, "the designer session is understood by both hosts");
        staff.ShouldAllBe(r => r.Status < 400);
    }

    /// <summary>Publishes a new form as the designer of any host does (into the shared store) and waits until both hosts serve it.</summary>
    private async Task PublishedVersionServedByBothHostsAsync(NginxBalancer nginx)
    {
        var workspace = new FormWorkspace(
            new WorkspaceOptions { CatalogDirectory = RepositoryPaths.Samples, DraftDirectory = Path.Combine(Path.GetTempPath(), "sozial-multihost-unused") },
            store: new DatabaseFormStore(new SharedCatalog(await OperationsDatabase.OpenAsync(await OpenAsync()))));
        var draft = workspace.Create("mehrrechner-neu", NewForms.Blank("mehrrechner-neu", "Neu veröffentlicht"), "mehrrechner-autorin");
        workspace.Publish("mehrrechner-neu", draft.ETag, "1.0.0", "mehrrechner-autorin").ShouldBeOfType<SaveResult.Published>();
        var published = DateTime.UtcNow;

        var client = new HttpClient { BaseAddress = new Uri(nginx.BaseUrl) };
        var servedBy = new HashSet<string>();
        while (servedBy.Count < 2)
        {
            var before = nginx.Requests().Count;
            var response = await client.GetAsync("/de/leistungen/mehrrechner-neu");
            if (response.StatusCode == HttpStatusCode.OK) servedBy.Add(nginx.Requests().Skip(before).Last().Host);
            // a ceiling for a busy machine, not the expected time (printed below): hosts look every 2 s
            if (DateTime.UtcNow - published > TimeSpan.FromMinutes(2)) throw new TimeoutException($"2 minutes after publishing, served only by {string.Join(", ", servedBy)}");
            await Task.Delay(100); // between polls of the condition
        }

        Console.WriteLine($"multi-host test: the published version was served by both hosts {(DateTime.UtcNow - published).TotalSeconds:0.0} s after publishing");
    }

    private static PortalClient Browser(string baseUrl) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
