using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sozialplattform.Designer.Hosting;

namespace Sozialplattform.Designer.Tests.Endpoints;

/// <summary>
/// „Frühere Stände“ of the service files (in the editor's page and circuit, as saving them) and the review page with the
/// service files' differences are behind the designer's author policy: a signed-in author gets them; no login, a forged
/// session cookie, the circuit's hub without a login and a login without the antiforgery token get nothing.
/// </summary>
public sealed partial class ServiceFilesReviewAccessTests(DesignerHost host) : IClassFixture<DesignerHost>
{
    private const string Editor = "/designer/forms/buergergeld";
    private const string Review = "/designer/forms/buergergeld/review";

    private HttpClient Client(bool cookies = true) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    [Fact]
    public async Task A_signed_in_author_gets_the_history_of_the_service_files_and_the_review_page()
    {
        var client = Client();
        (await LogIn(client, withToken: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await (await client.GetAsync(Editor)).Content.ReadAsStringAsync()).ShouldContain("data-testid=\"service-history\"");
        (await client.GetAsync(Review)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Editor)]
    [InlineData(Review)]
    public async Task Without_a_login_with_a_forged_cookie_or_a_login_without_antiforgery_nobody_gets_the_history_or_the_review(string page)
    {
        var anonymous = await Client().GetAsync(page);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldStartWith("http://localhost/designer/login");

        var forged = Client(cookies: false);
        forged.DefaultRequestHeaders.Add("Cookie", "sozial.designer=CfDJ8Forged" + new string('A', 200));
        var withForgery = await forged.GetAsync(page);
        withForgery.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var body = await withForgery.Content.ReadAsStringAsync();
        body.ShouldNotContain("service-history");
        body.ShouldNotContain("review-service-diff");

        var hub = await Client().PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        hub.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden);

        var noToken = Client();
        (await LogIn(noToken, withToken: false)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noToken.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
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
