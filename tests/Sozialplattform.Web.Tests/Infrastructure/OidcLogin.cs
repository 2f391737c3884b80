using System.Net;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>The steps of a citizen's login at the local provider, as a browser without JavaScript takes them (<see cref="OidcPortal"/>).</summary>
public static class OidcLogin
{
    /// <summary>A browser without JavaScript over real HTTP: its own cookies for the portal and the provider, redirects followed by <see cref="PortalClient"/>.</summary>
    public static PortalClient Browser(this OidcPortal portal) => portal.Browser(new CookieContainer());

    /// <summary>The same with the cookie jar given, so that a test can look at or remove a cookie.</summary>
    public static PortalClient Browser(this OidcPortal portal, CookieContainer cookies) => Browser(portal.BaseUrl, cookies);

    /// <summary>The same for any host on a real port (<paramref name="baseUrl"/>).</summary>
    public static PortalClient Browser(string baseUrl, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) });

    public static async Task<PortalPage> StartAsync(PortalClient browser, string formId) =>
        await browser.SubmitAsync(await browser.GetAsync($"/de/leistungen/{formId}"), "/starten");

    /// <summary>Chooses a test person and a level on the provider's page and follows the answer back into the portal.</summary>
    public static async Task<PortalPage> ChooseAsync(PortalClient browser, PortalPage providerPage, string user, string level) =>
        await browser.GetAsync((await AnswerAsync(browser, providerPage, user, level)).ToString());

    /// <summary>The provider's answer (the redirect to the portal's callback with code and state), not followed.</summary>
    public static async Task<Uri> AnswerAsync(PortalClient browser, PortalPage providerPage, string user, string level)
    {
        var form = providerPage.Document.QuerySelector("form[action='/connect/authorize']") ?? throw new InvalidOperationException($"Not the provider's page: {providerPage.Url} {providerPage.Status} {providerPage.Html[..Math.Min(2000, providerPage.Html.Length)]}");
        var fields = PortalClient.Collect((AngleSharp.Html.Dom.IHtmlFormElement)form);
        fields.RemoveAll(f => f.Name is "user" or "level");
        fields.Add(("user", user));
        fields.Add(("level", level));
        var response = await browser.Http.PostAsync(new Uri(providerPage.Url, form.GetAttribute("action")!), new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    /// <summary>Starts the form, follows the sign-in page's provider button and logs in as <paramref name="user"/> at <paramref name="level"/>.</summary>
    public static async Task<PortalPage> StartSignedInAsync(PortalClient browser, string formId, string user, string level = "substantiell")
    {
        var signIn = await StartAsync(browser, formId);
        return await ChooseAsync(browser, await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), user, level);
    }

    /// <summary>Opens <paramref name="url"/>, which asks for a login, logs in there and follows back.</summary>
    public static async Task<PortalPage> SignInAtAsync(PortalClient browser, string url, string user, string level = "substantiell")
    {
        var signIn = await browser.GetAsync(url);
        signIn.Path.ShouldBe("/de/anmelden");
        return await ChooseAsync(browser, await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), user, level);
    }

    /// <summary>A signed-in citizen's application of a form with one page and one field "name", sent to the end; returns the receipt.</summary>
    public static async Task<PortalPage> SendAsync(PortalClient browser, PortalPage place, string name)
    {
        var chosen = await browser.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
        var page = await browser.GetAsync(chosen.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
        var summary = await browser.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["name"] = name }, "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        var receipt = await browser.SubmitAsync(summary, "/absenden");
        receipt.Path.ShouldStartWith("/de/eingang/SP-");
        return receipt;
    }
}
