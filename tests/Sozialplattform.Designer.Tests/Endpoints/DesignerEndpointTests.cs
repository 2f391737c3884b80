using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Database;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Endpoints;

public sealed partial class DesignerEndpointTests : IClassFixture<DesignerHost>
{
    private readonly DesignerHost _host;

    public DesignerEndpointTests(DesignerHost host) => _host = host;

    private HttpClient Client() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Every_designer_page_sends_an_anonymous_visitor_to_the_login()
    {
        foreach (var path in new[] { "/designer", "/designer/forms/buergergeld", "/designer/forms/buergergeld/versions", "/designer/forms/buergergeld/review" })
        {
            var response = await Client().GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldStartWith("http://localhost/designer/login");
        }
    }

    [Fact]
    public async Task The_login_page_is_a_plain_form_with_a_strict_content_security_policy()
    {
        var response = await Client().GetAsync("/designer/login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("action=\"/designer/session\"");
        html.ShouldNotContain("blazor.web.js");
    }

    [Fact]
    public async Task The_portal_beside_the_designer_keeps_working()
    {
        var response = await Client().GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Portal");
    }

    [Fact]
    public async Task The_development_author_logs_in_and_sees_the_catalog_and_a_wrong_password_does_not()
    {
        var client = Client();
        var wrong = await LogIn(client, "falsches-passwort");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Redirect, await wrong.Content.ReadAsStringAsync());
        wrong.Headers.Location!.ToString().ShouldBe("/designer/login?failed=1");

        var response = await LogIn(client, DesignerAuthentication.DevelopmentPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/designer");

        var list = await client.GetAsync("/designer");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await list.Content.ReadAsStringAsync();
        html.ShouldContain("buergergeld");
        html.ShouldContain("/_framework/blazor.web.js");
    }

    [Fact]
    public async Task A_login_without_the_antiforgery_token_is_refused()
    {
        var response = await Client().PostAsync("/designer/session", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = DesignerAuthentication.DevelopmentLogin, ["password"] = DesignerAuthentication.DevelopmentPassword,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_logins_and_wrong_passwords_get_the_same_answers_and_after_five_the_same_wait()
    {
        Author("anna-gleich");
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            var (real, unknown) = (await LogIn(client, "falsch-falsch", "anna-gleich"), await LogIn(client, "falsch-falsch", "niemand-gleich"));
            (real.StatusCode, real.Headers.Location!.ToString()).ShouldBe((HttpStatusCode.Redirect, "/designer/login?failed=1"));
            unknown.Headers.Location.ShouldBe(real.Headers.Location);
        }

        var waiting = await LogIn(client, Password, "anna-gleich");
        waiting.Headers.Location!.ToString().ShouldBe("/designer/login?wait=1");
        (await LogIn(client, Password, "niemand-gleich")).Headers.Location.ShouldBe(waiting.Headers.Location);
        (await (await client.GetAsync("/designer/login?wait=1")).Content.ReadAsStringAsync())
            .ShouldContain("Zu viele Fehlversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.");
        (await AuditAsync("anna-gleich")).ShouldBe([.. Enumerable.Repeat("designer.login.failed", 5), "designer.login.locked"]);
        (await AuditAsync("niemand-gleich")).ShouldBe([.. Enumerable.Repeat("designer.login.failed", 5), "designer.login.locked"]);
    }

    [Fact]
    public async Task A_session_cookie_copied_before_the_logout_opens_nothing_after_it()
    {
        Author("anna-abmelden");
        var client = Client();
        var signedIn = await LogIn(client, Password, "anna-abmelden");
        var copied = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sozial.designer=", StringComparison.Ordinal)).Split(';')[0];
        var thief = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        (await thief.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await (await client.GetAsync("/designer")).Content.ReadAsStringAsync();
        var logout = await client.PostAsync("/designer/session/end", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value }));
        logout.Headers.Location!.ToString().ShouldBe(DesignerAuthentication.LoginPath);

        var after = await thief.GetAsync("/designer");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldStartWith("http://localhost/designer/login");
        (await client.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditAsync("anna-abmelden")).ShouldBe(["designer.login.succeeded", "designer.logout"]);
    }

    private const string Password = "Anna-Autorin-Passwort";

    private void Author(string login) => _host.Services.GetRequiredService<AuthorAccounts>().Create(login, login, Password);

    private async Task<List<string>> AuditAsync(string actor)
    {
        await using var context = _host.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return context.AuditLog.Where(a => a.Actor == actor).OrderBy(a => a.Id).Select(a => a.Action).ToList();
    }

    /// <summary>Logs in through the login form (the client keeps the antiforgery and session cookies).</summary>
    private static async Task<HttpResponseMessage> LogIn(HttpClient client, string password, string login = DesignerAuthentication.DevelopmentLogin)
    {
        var page = await client.GetAsync("/designer/login");
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return await client.PostAsync("/designer/session", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
