using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sozialplattform.Designer.Hosting;

namespace Sozialplattform.Designer.Tests.Endpoints;

/// <summary>
/// The service's panels (texts, checklist, templates) live in the editor's page and circuit, behind the designer's
/// author policy like every other panel: a signed-in author gets them, nobody else — no login, a forged session cookie,
/// the circuit's hub without a login, a login without the antiforgery token.
/// </summary>
public sealed partial class ServicePanelsAccessTests(DesignerHost host) : IClassFixture<DesignerHost>
{
    private const string Editor = "/designer/forms/buergergeld";

    private HttpClient Client(bool cookies = true) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    [Fact]
    public async Task A_signed_in_author_gets_the_editor_with_the_services_texts_checklist_and_templates()
    {
        var client = Client();
        (await LogIn(client, withToken: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await (await client.GetAsync(Editor)).Content.ReadAsStringAsync();

        html.ShouldContain("data-testid=\"service-texts\"");
        html.ShouldContain("data-testid=\"checklist-panel\"");
        html.ShouldContain("data-testid=\"templates-panel\"");
    }

    [Fact]
    public async Task Without_a_login_with_a_forged_cookie_or_a_login_without_antiforgery_nobody_reaches_the_panels()
    {
        var anonymous = await Client().GetAsync(Editor);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldStartWith("http://localhost/designer/login");

        var forged = Client(cookies: false);
        forged.DefaultRequestHeaders.Add("Cookie", "sozial.designer=CfDJ8Forged" + new string('A', 200));
        var withForgery = await forged.GetAsync(Editor);
        withForgery.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await withForgery.Content.ReadAsStringAsync()).ShouldNotContain("checklist-panel");

        var hub = await Client().PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        hub.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden);

        var noToken = Client();
        var refused = await LogIn(noToken, withToken: false);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noToken.GetAsync(Editor)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> LogIn(HttpClient client, bool withToken)
    {
        var page = await client.GetAsync("/designer/login");
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var form = new Dictionary<string, string> { ["login"] = DesignerAuthentication.DevelopmentLogin, ["password"] = DesignerAuthentication.DevelopmentPassword };
        if (withToken) form["__RequestVerificationToken"] = token;
        return await client.PostAsync("/designer/session", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
