using System.Net;
using System.Text.RegularExpressions;
using Sozialplattform.Cli;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.CrashTests;

/// <summary>
/// The staff's part of the multi-host test: a caseworker's inbox session and an author's designer session through the
/// balancer (no sticky sessions), the author made with <c>sozial author add</c> on the running hosts' database.
/// </summary>
public sealed partial class MultiHostTests
{
    private const string StaffPassword = "Mehrrechner-Test-2026";
    private const string AuthorLogin = "mehrrechner-autorin";

    /// <summary>A caseworker and an author sign in through nginx and go on working; their requests reach both hosts, none refused.</summary>
    private async Task StaffSessionsAlternateAsync(NginxBalancer nginx)
    {
        var platform = await OpenAsync();
        await new CaseworkerAccounts(platform).CreateAsync("mehrrechner-sb", "Sachbearbeitung", StaffPassword, "crash", CrashFolders.Authority);
        // The author is made with the command line on the shared database while both hosts run: no restart needed.
        var scratch = Directory.CreateTempSubdirectory("sozial-multihost-cli-").FullName;
        File.WriteAllText(Path.Combine(scratch, "data.key"), Sozialplattform.Web.Tests.Operations.PostgresPortals.DataKey); // the hosts' data key: the command line works on their database
        var (output, error) = (new StringWriter(), new StringWriter());
        new AuthorAddCommand(new StringReader(StaffPassword + "\n"))
            .Run(new CliContext(output, error, scratch), [AuthorLogin, "--name", "Autorin", "--postgres", database.ConnectionString, "--data", scratch])
            .ShouldBe(0, error.ToString());
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
            ["login"] = AuthorLogin, ["password"] = StaffPassword, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
        session.Headers.Location!.ToString().ShouldBe("/designer");
        for (var i = 0; i < 3; i++) (await author.Http.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var staff = nginx.Requests().Skip(before).ToList();
        staff.Where(r => r.Path.StartsWith("/posteingang", StringComparison.Ordinal)).Select(r => r.Host).Distinct().Count().ShouldBe(2, "the inbox session is understood by both hosts");
        staff.Where(r => r.Path.StartsWith("/designer", StringComparison.Ordinal)).Select(r => r.Host).Distinct().Count().ShouldBe(2, "the designer session is understood by both hosts");
        staff.ShouldAllBe(r => r.Status < 400);
    }

    private static PortalClient Browser(string baseUrl) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
